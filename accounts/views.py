from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from .models import User
from .permissions import ALL_STAFF, MANAGERS, role_required

login = auth_views.LoginView.as_view(template_name="accounts/login.html", redirect_authenticated_user=True)
logout = require_POST(auth_views.LogoutView.as_view(next_page="accounts:login"))


@role_required(*ALL_STAFF)
def staff_home(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/staff_home.html")


@role_required(*MANAGERS)
def team(request: HttpRequest) -> HttpResponse:
    staff = User.objects.filter(is_active=True).order_by("role", "last_name", "username")
    return render(request, "accounts/team.html", {"staff": staff})
