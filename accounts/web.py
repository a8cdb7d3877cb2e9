"""Small helpers every app's views share: how a service's refusal reaches the person."""

from django.core.exceptions import ValidationError

from .exceptions import InvalidTransition


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: by field where the form has that field."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def error_text(error: ValidationError | InvalidTransition) -> str:
    """One line for a flash message."""
    if isinstance(error, InvalidTransition):
        return str(error.message)
    return " ".join(error.messages)


def run_service(request, form, call, success: str):
    """Call a service for a valid form. On success flash `success` and return the result; on a
    refusal keep the form, with the reason on it, and return None (nothing was saved)."""
    from django.contrib import messages

    try:
        result = call()
    except ValidationError as error:
        apply_errors(form, error)
    except InvalidTransition as error:
        form.add_error(None, str(error.message))
    else:
        messages.success(request, success)
        return result
    return None
