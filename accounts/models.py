from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    LEADER = "leader", _("Leader / trainer")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Administrator")


class User(AbstractUser):
    """A member of staff. Applicants never have accounts."""

    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.CONSULTANT)

    def save(self, *args, **kwargs):
        # The Django admin is for administrators only; keep its flags in step
        # with the role so there is one place that decides who is an admin.
        self.is_staff = self.is_superuser = self.role == Role.ADMIN
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "is_staff", "is_superuser"}
        super().save(*args, **kwargs)

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles
