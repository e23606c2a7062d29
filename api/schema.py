"""What the OpenAPI schema says beyond the serializers: errors, throttling, page bounds."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "For each invalid parameter, the reasons.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def _response(description: str, schema_name: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


def document_errors(result, generator, request, public):
    """Every operation may answer 404 (unknown record or page) and 429 (too many requests); a
    list may answer 400 (invalid filter). Page numbers start at 1; text has no NUL character."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR
    schemas["FieldErrors"] = FIELD_ERRORS
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("404", _response("Not found.", "Error"))
            responses.setdefault("429", _response("Too many requests: wait and retry.", "Error"))
            parameters = operation.get("parameters", [])
            if any(p.get("in") == "query" for p in parameters):
                responses.setdefault("400", _response("Invalid parameters.", "FieldErrors"))
            for parameter in parameters:
                schema = parameter.get("schema", {})
                if parameter.get("name") == "page":
                    schema["minimum"] = 1
                elif "enum" in schema and not parameter.get("required"):
                    if "" not in schema["enum"]:
                        schema["enum"] = [*schema["enum"], ""]  # empty: no filter
                elif schema.get("type") == "string":
                    schema.setdefault("pattern", "^[^\\u0000]*$")  # unless the view gives one
    return result
