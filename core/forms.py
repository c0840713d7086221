from django import forms


class AccessibleForm(forms.Form):
    """A form whose fields point at their hint and error texts (aria-describedby).

    Browser validation is off (use_required_attribute) so that every message is
    ours, in the reader's language, in the error summary and next to the field.
    """

    use_required_attribute = False

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            ids = []
            if field.help_text:
                ids.append(f"id_{name}_helptext")
            if name in self.errors:
                ids.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def error_list(self):
        """(anchor id, message) pairs for the error summary, in field order."""
        items = []
        for name in list(self.fields) + ["__all__"]:
            for message in self.errors.get(name, []):
                items.append((self._anchor(name), message))
        return items

    def _anchor(self, name: str) -> str:
        if name == "__all__":
            return "main-content"
        widget = self.fields[name].widget
        # Radio groups: link to the first option, which is what gets focus.
        suffix = "_0" if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple) else ""
        return f"id_{name}{suffix}"
