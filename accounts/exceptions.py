from django.utils.translation import gettext_lazy as _


class InvalidTransition(Exception):
    """The object is not in a state that allows this step now ("not possible now", as opposed to
    PermissionDenied, "not allowed"). Views show the message and change nothing."""

    default_message = _("This step is not possible in the object's current state.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))
