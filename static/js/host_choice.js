// The application form: a host picked among the search's choices fills the hidden field.
document.addEventListener("change", (event) => {
  const choice = event.target.closest("[data-host-choice]");
  if (!choice) return;
  document.getElementById("id_host_institution").value = choice.value;
  document.getElementById("host-chosen").textContent = choice.parentElement.textContent.trim();
});
