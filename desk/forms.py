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


class ChatStartForm(AccessibleForm):
    topic = forms.ChoiceField(label=_("What is your question about?"), choices=Topic.choices, widget=forms.RadioSelect)
    citizenship = forms.ChoiceField(label=_("What is your citizenship?"))
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    email = forms.EmailField(label=_("E-mail (optional)"), required=False, help_text=_("Needed if you want the transcript, or if we answer by e-mail."))
    question = forms.CharField(label=_("Your question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    transcript = forms.BooleanField(label=_("Send me the transcript by e-mail"), required=False)

    def __init__(self, *args, out_of_hours: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language

        from guide.countries import country_choices

        self.fields["citizenship"].choices = [("", _("Choose a country"))] + list(country_choices(get_language()))
        if out_of_hours:
            self.fields["email"].required = True
            self.fields["email"].help_text = _("We are closed now: we answer your question by e-mail.")
            del self.fields["transcript"]

    def clean(self):
        data = super().clean()
        if data.get("transcript") and not data.get("email"):
            self.add_error("email", _("Enter your e-mail address to receive the transcript."))
        return data


class ChatMessageForm(AccessibleForm):
    body = forms.CharField(label=_("Your message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class RatingForm(AccessibleForm):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=[(5, _("Very satisfied")), (4, _("Satisfied")), (3, _("So-so")), (2, _("Dissatisfied")), (1, _("Very dissatisfied"))],
        coerce=int,
        widget=forms.RadioSelect,
    )
