"use strict";
// The admin's autocomplete list filters: choosing a value reloads the list filtered on it.
window.addEventListener("load", function () {
  django.jQuery(".clara-autocomplete-filter select").on("change", function () {
    const url = new URL(window.location.href);
    url.searchParams.delete("p");
    if (this.value) {
      url.searchParams.set(this.name, this.value);
    } else {
      url.searchParams.delete(this.name);
    }
    window.location.assign(url.toString());
  });
});
