/* The chat on the patient website: rasa-webchat (patched bundle, served by
 * the project) over the socket.io channel of this same origin, and the
 * "End and clear" control.
 *
 * The widget keeps the conversation (its session id and messages) in
 * localStorage, so a reload continues where the patient was. "End and clear"
 * empties this origin's storage and reloads with ?cleared, and the reloaded
 * page empties it once more before the widget starts: a reply arriving between
 * the click and the reload could otherwise write the conversation back.
 */
(function () {
  "use strict";
  var CLEARED = "cleared";

  function clearDevice() {
    window.localStorage.clear();
    window.sessionStorage.clear();
  }

  var url = new URL(window.location.href);
  if (url.searchParams.has(CLEARED)) {
    clearDevice();
    url.searchParams.delete(CLEARED);
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  var widget = document.getElementById("chat-widget");
  window.WebChat.default(
    {
      initPayload: widget.dataset.initPayload,
      socketUrl: window.location.origin,
      socketPath: "/socket.io/",
      customData: { language: document.documentElement.lang },
      title: widget.dataset.title,
      inputTextFieldHint: widget.dataset.hint,
      embedded: true,
      showFullScreenButton: false,
      showMessageDate: false,
      params: { storage: "local" },
      // A short pause between several replies reads naturally; longer only slows people down.
      customMessageDelay: function () { return 300; },
    },
    widget
  );

  // An answer button disappears once chosen, and the focus with it (to the
  // page's start): a keyboard user would have to Tab through the whole page
  // again. So the focus goes to the message box, the one place that answers
  // every question; the reply is read out from the message log (aria-live)
  // without the focus moving, and the new answer buttons are just before the
  // box (Shift+Tab). Not after a tap: the phone's keyboard would cover the
  // chat for an answer given by a button (docs/website.md, "Accessibility").
  var pointer = "";
  widget.addEventListener("pointerdown", function (event) { pointer = event.pointerType; }, true);
  widget.addEventListener("click", function (event) {
    var target = event.target;
    var chosen = target instanceof Element && target.closest("button.rw-reply");
    var tapped = pointer === "touch" || pointer === "pen";
    pointer = "";
    if (!chosen || tapped) { return; }
    window.setTimeout(function () {  // after the widget has removed the buttons
      var box = widget.querySelector("textarea.rw-new-message");
      if (box && !box.disabled) { box.focus(); }
    }, 0);
  }, true);

  // Switching the page's language mid-conversation: the widget keeps the
  // conversation (one per device), and on reconnecting sends the message kept
  // under "mrbot_next_message" (rasa-webchat 1.0.1), so the patient's "请用中文"
  // / "English please" switches the assistant too, the answers kept. A new
  // conversation ignores it and starts with the page's own greeting.
  Array.prototype.forEach.call(document.querySelectorAll(".language-switch"), function (link) {
    link.addEventListener("click", function () {
      if (!window.localStorage.getItem("chat_session")) { return; }  // no conversation yet
      window.localStorage.setItem("mrbot_next_message", JSON.stringify({
        message: link.dataset.switchMessage,
        expiry: Date.now() + 60000,
      }));
    });
  });

  var end = document.getElementById("end-chat");
  var confirmBox = document.getElementById("end-confirm");
  function showConfirm(open) {
    confirmBox.hidden = !open;
    end.setAttribute("aria-expanded", String(open));
    (open ? document.getElementById("end-yes") : end).focus();
  }
  end.addEventListener("click", function () { showConfirm(confirmBox.hidden); });
  document.getElementById("end-no").addEventListener("click", function () { showConfirm(false); });
  document.getElementById("end-yes").addEventListener("click", function () {
    clearDevice();
    url.searchParams.set(CLEARED, "1");
    window.location.replace(url.pathname + url.search + "#chat");
  });
})();
