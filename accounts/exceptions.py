from django.utils.translation import gettext_lazy as _


class InvalidTransition(Exception):
    """The object is not in a state that allows this step now ("not possible now", as opposed to
    PermissionDenied, "not allowed"). The one such class of the project: every workflow
    (accounts.workflow) raises it, and `accounts.web.run_service` shows its message.

    `message` says what to do in the user's language; `rule` is the ID of the Regulation's rule
    that refused (R6.3, CL1 …), for tests and logs — pages show the words, not the ID."""

    default_message = _("This step is not possible in the object's current state.")

    def __init__(self, message=None, *, rule: str = ""):
        self.message = message or self.default_message
        self.rule = rule
        super().__init__(str(self.message))
