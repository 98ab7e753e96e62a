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
