import datetime as dt

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.forms import AccessibleForm

from .countries import country_choices

PURPOSES = [
    ("work", _("Work")),
    ("study", _("Studies")),
    ("family", _("Family")),
    ("business", _("Running a business")),
    ("research", _("Scientific research")),
    ("other", _("Something else")),
]

BASES = [
    ("visa_free", _("Visa-free travel (biometric passport)")),
    ("visa_tourist", _("Schengen visa for tourism (type C)")),
    ("visa_national", _("Polish national visa (type D) or another Schengen visa")),
    ("trc", _("Temporary residence permit (residence card)")),
    ("permanent", _("Permanent residence or EU long-term resident permit")),
    ("temporary_protection", _("Temporary protection (PESEL UKR status)")),
    ("stamp", _("Stamp or certificate of a pending application")),
    ("abroad", _("I am not in Poland now")),
]
# These bases end on a date the applicant knows; the filing deadline is that date.
BASES_WITH_END = {"visa_free", "visa_tourist", "visa_national", "trc", "temporary_protection"}
VISA_FREE_MAX_DAYS = 90
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]


class TriageForm(AccessibleForm):
    """Step 1 of "which procedure fits me?". Sent by GET: no account, no session,
    nothing personal (no name or document number), and the answers survive "back"."""

    citizenship = forms.ChoiceField(
        label=_("What is your citizenship?"),
        help_text=_("If you have more than one, choose the one you use in Poland."),
    )
    basis = forms.ChoiceField(
        label=_("On what basis are you in Poland now?"),
        choices=BASES,
        widget=forms.RadioSelect,
        help_text=_("Check the stamp, visa or card in your passport."),
    )
    stay_end = forms.DateField(
        label=_("When does your current right to stay end?"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day of your visa-free stay, visa or permit. For example 2027-03-31."),
    )
    years = forms.IntegerField(
        label=_("How many years have you lived in Poland legally, without long breaks?"),
        required=False,
        min_value=0,
        max_value=99,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Optional. Whole years; enter 0 if less than one year."),
    )
    purpose = forms.ChoiceField(label=_("Why do you want to stay in Poland?"), choices=PURPOSES, widget=forms.RadioSelect)

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["citizenship"].choices = [("", _("Choose a country"))] + list(country_choices(get_language()))

    def clean(self):
        data = super().clean()
        basis, end = data.get("basis"), data.get("stay_end")
        if basis in BASES_WITH_END and not end and "stay_end" not in self.errors:
            self.add_error("stay_end", _("Enter the last day of your current right to stay, for example 2027-03-31."))
        if basis == "visa_free" and end and end > self.today + dt.timedelta(days=VISA_FREE_MAX_DAYS):
            self.add_error(
                "stay_end",
                _("A visa-free stay lasts at most 90 days in any 180 days. Check the date, or choose another basis of stay."),
            )
        if end and end < self.today - dt.timedelta(days=365 * 5):
            self.add_error("stay_end", _("This date is more than five years ago. Check the year."))
        return data


class DetailForm(AccessibleForm):
    """Step 2: one question whose options depend on the purpose chosen in step 1."""

    detail = forms.ChoiceField(label=_("Which describes you best?"), widget=forms.RadioSelect)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["detail"].choices = options
