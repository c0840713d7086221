from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import AccessibleForm


class StartForm(AccessibleForm):
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        help_text=_("We send you the resume link and code, and nothing else. You can leave it empty and note the code instead."),
    )


class ResumeForm(AccessibleForm):
    code = forms.CharField(
        label=_("Resume code"),
        max_length=16,
        help_text=_("The 8-character code you were given when you started, for example K7M2QX9A."),
    )


class ImportForm(AccessibleForm):
    file = forms.FileField(
        label=_("Application file (JSON)"),
        help_text=_("A file exported from Konsultant or prepared in the documented format."),
    )
