// Progressive enhancement only: every page works without this file.
// Move focus to the error summary so screen readers announce it and keyboard
// users start from the list of problems (GOV.UK error-summary pattern).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
});
