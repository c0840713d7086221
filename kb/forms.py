from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.registry import current
from core.forms import AccessibleForm

from .content import TOPICS
from .models import Audience

TOPIC_LABELS = {
    "procedures": _("Procedures"), "family": _("Family"), "permanent": _("Permanent residence"),
    "cards": _("Residence cards"), "citizenship": _("Polish citizenship"), "mos": _("Filing in MOS"),
    "fees": _("Fees"), "deadlines": _("Deadlines"), "rights": _("Rights and duties"),
    "mistakes": _("Common mistakes"), "work": _("Work"),
}  # fmt: skip


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class MetaForm(AccessibleForm):
    topic = forms.ChoiceField(label=_("Topic"), choices=[(t, TOPIC_LABELS[t]) for t in TOPICS])
    audience = forms.ChoiceField(label=_("Who can read it"), choices=Audience.choices, widget=forms.RadioSelect)
    procedures = forms.MultipleChoiceField(label=_("Procedures it concerns"), required=False, widget=forms.CheckboxSelectMultiple)
    legal_basis = forms.CharField(label=_("Legal basis"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One reference per line, e.g. art. 114 ustawy o cudzoziemcach."))
    sources = forms.CharField(label=_("Sources"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One source per line."))
    review_by = forms.DateField(label=_("Review by"), input_formats=["%Y-%m-%d", "%d.%m.%Y"], help_text=_("The date by which an editor checks the answer again, e.g. 2027-06-30."))
    unconfirmed = forms.BooleanField(label=_("Contains facts not yet confirmed"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language

        lang = get_language()
        self.fields["procedures"].choices = [(p.slug, p.title.get(lang)) for p in current().procedure_list()]

    def clean_legal_basis(self):
        return _lines(self.cleaned_data["legal_basis"])

    def clean_sources(self):
        return _lines(self.cleaned_data["sources"])


class VariantForm(AccessibleForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 14}), help_text=_("Plain text; an empty line starts a new paragraph."))
    keywords = forms.CharField(label=_("Search keywords"), required=False, max_length=1000, help_text=_("Words people search with, separated by commas: everyday words, other spellings."))
    translated_from_current = forms.BooleanField(label=_("This translation matches the current Polish text"), required=False)


class NewAnswerForm(VariantForm):
    field_order = ["slug", "topic", "audience", "title", "body", "keywords", "legal_basis", "review_by"]
    translated_from_current = None  # the Polish text is the source
    slug = forms.SlugField(label=_("Address (slug)"), max_length=100, help_text=_("Lower-case letters, digits and hyphens, e.g. residence-card-lost."))
    topic = MetaForm.base_fields["topic"]
    audience = MetaForm.base_fields["audience"]
    legal_basis = MetaForm.base_fields["legal_basis"]
    review_by = MetaForm.base_fields["review_by"]

    def clean_legal_basis(self):
        return _lines(self.cleaned_data["legal_basis"])

    def clean_slug(self):
        from .models import Answer

        slug = self.cleaned_data["slug"]
        if Answer.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("An answer with this address already exists."))
        return slug


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(choices=[("yes", "yes"), ("no", "no")], coerce=lambda v: v == "yes")
