// Chat widget: progressive enhancement of the "Chat with a consultant" link
// fixed at the bottom of every public page (templates/base.html). Without this
// script the link opens the chat page. With it, the link becomes a button that
// opens a non-modal panel with the chat in an iframe (/<lang>/chat/?embed=1).
// The panel's state (open or closed, and the page the iframe shows) is kept in
// sessionStorage, so a visitor who started a chat and moves to another page of
// the site finds their chat room again, in this tab only.
(function () {
  var link = document.querySelector(".chat-launcher");
  var template = document.getElementById("chat-panel-template");
  if (!link || !template || !("content" in template)) { return; }
  var KEY = "konsultant.chatWidget";

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(changes) {
    var state = load();
    for (var k in changes) { state[k] = changes[k]; }
    try { sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: no memory, still works */ }
  }
  // Only a chat page of this site in embed mode may be restored into the frame.
  function embeddable(href) {
    try {
      var u = new URL(href, location.href);
      // A refused message or rating is shown at .../send/ or .../rate/, which
      // take only POST: bring back the room itself.
      u.pathname = u.pathname.replace(/\/(send|rate)\/$/, "/");
      return u.origin === location.origin && u.searchParams.get("embed") === "1" ? u.href : null;
    } catch (e) { return null; }
  }

  // A real button: the launcher now toggles the panel instead of navigating.
  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = link.className;
  launcher.textContent = link.textContent;
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "chat-panel");
  var startUrl = link.dataset.embedSrc;
  link.replaceWith(launcher);

  template.after(template.content.cloneNode(true));
  var panel = document.getElementById("chat-panel");
  var frame = panel.querySelector("iframe");
  var closeButton = panel.querySelector(".chat-panel-close");

  function open(moveFocus) {
    if (!frame.getAttribute("src")) { frame.src = embeddable(load().url) || startUrl; }  // loaded on first open only
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    save({ open: true });
    if (moveFocus) { panel.focus(); }
  }
  function close() {
    var hadFocus = panel.contains(document.activeElement);
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    save({ open: false });
    if (hadFocus) { launcher.focus(); }
  }
  function onKey(e) {
    if (e.key === "Escape" && !panel.hidden) { e.preventDefault(); close(); }
  }

  launcher.addEventListener("click", function () { if (panel.hidden) { open(true); } else { close(); } });
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", onKey);
  launcher.addEventListener("keydown", onKey);
  frame.addEventListener("load", function () {
    // Same origin: remember where the chat is, and let Escape inside the frame
    // (where key events do not reach this document) close the panel too.
    try {
      var url = embeddable(frame.contentWindow.location.href);
      if (url) { save({ url: url }); }
      frame.contentWindow.document.addEventListener("keydown", onKey);
    } catch (e) { /* not our page: nothing to remember */ }
  });

  // Restoring after a navigation must not steal the focus from the new page.
  if (load().open) { open(false); }
})();
