"""The one gate for staff pages: a decorator naming the roles that may enter."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .models import Role

ALL_STAFF = (Role.CONSULTANT, Role.LEADER, Role.MANAGER, Role.ADMIN)
MANAGERS = (Role.MANAGER, Role.ADMIN)
EDITORS = (Role.LEADER, Role.MANAGER, Role.ADMIN)  # knowledge-base editors


def role_required(*roles: str):
    """Anonymous → login page; signed in with another role → 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
