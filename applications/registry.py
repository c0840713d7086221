from .definition import FormDefinition, get_definitions


def definition_for(draft) -> FormDefinition:
    """The form version the draft was started on: a later change of the form does
    not move a half-filled draft under the applicant's feet."""
    return get_definitions().at(draft.form, draft.form_version)
