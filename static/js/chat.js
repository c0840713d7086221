// Live chat: progressive enhancement of the chat page. Without this script the
// page still works (send posts the form, "Refresh" reloads). Messages are
// stored on the server before they are broadcast; on reconnect the page reloads
// from the server, so nothing shown can be lost.
(function () {
  var box = document.getElementById("chat");
  if (!box || !window.WebSocket) { return; }
  var log = document.getElementById("chat-log");
  var status = document.getElementById("chat-status");
  var form = document.getElementById("chat-form");
  var socket = null, retries = 0, leaving = false;
  var pending = null;  // sent over the socket, not yet confirmed by its echo
  // A page being left (a form posted, a link followed) must not reload itself.
  window.addEventListener("beforeunload", function () { leaving = true; });

  // The page reloads itself to catch up (after a reconnect, a state change, a
  // resync); what the person was typing survives that reload.
  var DRAFT = "konsultant.chatDraft:" + location.pathname;
  var field = form && form.querySelector("textarea");
  function reload() {
    var text = (field && field.value) || pending;
    try { if (text) { sessionStorage.setItem(DRAFT, text); } } catch (e) { /* no storage */ }
    location.reload();
  }
  try {
    var kept = sessionStorage.getItem(DRAFT);
    sessionStorage.removeItem(DRAFT);
    if (kept && field && !field.value) { field.value = kept; }
  } catch (e) { /* no storage: nothing kept */ }

  function add(direction, text) {
    var li = document.createElement("li");
    li.className = "msg msg-" + direction;
    var who = document.createElement("p");
    who.className = "note";
    who.textContent = direction === "in" ? box.dataset.in : box.dataset.out;
    var body = document.createElement("p");
    body.textContent = text;
    li.appendChild(who); li.appendChild(body);
    log.appendChild(li);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + box.dataset.ws);
    socket.onopen = function () { retries = 0; };
    socket.onmessage = function (e) {
      var data = JSON.parse(e.data);
      if (data.type === "chat.message") {
        if (pending !== null && data.body === pending.trim()) { pending = null; }
        add(data.direction, data.body);
      }
      // Refused over the socket: post the same text the ordinary way, so the
      // server explains why in the page's language and nothing typed is lost.
      else if (data.type === "error" && pending !== null && field) {
        field.value = pending; pending = null; leaving = true;
        form.submit();
      }
      else if (data.type === "chat.queue" && box.dataset.queue) {
        status.textContent = box.dataset.queue.replace("{n}", data.position);
      }
      else if (data.type === "chat.state" && box.dataset.reloadOnState) { reload(); }
      // The server's link to the other processes was down: reload what was stored.
      else if (data.type === "chat.resync") { reload(); }
    };
    socket.onclose = function () {
      // Reconnect with back-off; the reload shows anything missed meanwhile.
      if (leaving) { return; }
      if (retries++ < 10) { setTimeout(reload, Math.min(30000, 1000 * retries)); }
    };
  }

  if (form) {
    form.addEventListener("submit", function (e) {
      var internal = form.querySelector("input[name=internal]");
      if (!socket || socket.readyState !== 1 || !field.value.trim() || (internal && internal.checked)) { return; }  // a normal post
      e.preventDefault();
      pending = field.value;
      socket.send(JSON.stringify({ body: field.value }));
      field.value = "";
    });
  }
  connect();
})();
