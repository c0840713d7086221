from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalogue.schema import Text

register = template.Library()

KIND_LABELS = {
    "temporary_residence": _("Temporary residence"),
    "permanent_residence": _("Permanent residence"),
    "long_term_resident": _("EU long-term resident"),
    "residence_card": _("Residence card"),
    "citizenship": _("Polish citizenship"),
    "work_permit": _("Work permits (filed by the employer)"),
}


@register.simple_tag
def tr(text: Text | None) -> str:
    """A catalogue text in the current language."""
    return text.get(get_language()) if text else ""


@register.filter
def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


@register.filter
def trtext(text: Text | None) -> str:
    """The same as {% tr %}, usable inside blocktranslate's with-clause."""
    return tr(text)


@register.filter
def learn_more_url(target: str) -> str:
    """"kb:<slug>" is a knowledge-base answer; anything else a procedure guide."""
    from django.urls import NoReverseMatch, reverse

    try:
        if target.startswith("kb:"):
            return reverse("kb:answer", args=[target[3:]])
        return reverse("guide:procedure_detail", args=[target])
    except NoReverseMatch:
        return ""
