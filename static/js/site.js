// Progressive enhancement only: every page works without this file.
// Move focus to the error summary so screen readers announce it and keyboard
// users start from the list of problems (GOV.UK error-summary pattern).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
});

// Autosave: forms marked data-autosave send what was typed a moment after each
// change, so closing the tab loses nothing. Without JavaScript, every
// "Save and continue" saves too.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var timer = null;
  function save() {
    var data = new FormData(form);
    data.append("autosave", "1");
    fetch(form.action || window.location.href, { method: "POST", body: data, credentials: "same-origin" });
  }
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 800); });
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(save, 300); });
});
