from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import AccessibleForm

from .models import AgentStatus, Outcome, Topic

LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES]
GROUPS = [("third", _("Third-country national")), ("eu", _("EU/EEA/Swiss citizen"))]


class StatusForm(AccessibleForm):
    status = forms.ChoiceField(label=_("My status"), choices=AgentStatus.choices, widget=forms.RadioSelect)


class CallForm(AccessibleForm):
    phone = forms.CharField(label=_("Caller's number"), max_length=32, required=False)
    name = forms.CharField(label=_("Caller's name (if given)"), max_length=120, required=False)
    language = forms.ChoiceField(label=_("Language of the call"), choices=LANGUAGE_CHOICES)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    citizenship_group = forms.ChoiceField(label=_("Citizenship"), choices=GROUPS, widget=forms.RadioSelect, initial="third")
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[c for c in Outcome.choices if c[0] != "abandoned"])
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReplyForm(AccessibleForm):
    body = forms.CharField(label=_("Reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    internal = forms.BooleanField(label=_("Internal note (not sent to the contact)"), required=False)


class CloseForm(AccessibleForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[c for c in Outcome.choices if c[0] != "abandoned"])
    tags = forms.CharField(label=_("Tags"), required=False, max_length=200, help_text=_("Separated by commas."))

    def clean_tags(self):
        return [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()][:10]
