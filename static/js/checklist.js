// The checklist page (templates/checklist/checklist_detail.html): every answer is saved as soon
// as it changes, one POST per item to the page's answer endpoint, so a closed tab loses nothing.
// Without JavaScript the "Save" button posts the whole form and the server does the same checks.
(function () {
  "use strict";
  var form = document.getElementById("checklist-form");
  if (!form || !window.fetch) return;
  var url = form.dataset.answerUrl;
  // Translated texts come from the form's data-msg-* attributes: no inline script (CSP).
  var msg = {
    saving: form.dataset.msgSaving,
    saved: form.dataset.msgSaved,
    failed: form.dataset.msgFailed,
    answeredBy: form.dataset.msgAnsweredBy
  };
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var autosave = form.querySelector("[data-role=autosave]");
  var queue = Promise.resolve();

  function setText(el, text) { if (el) el.textContent = text; }

  function save(row) {
    var id = row.dataset.item;
    var checked = row.querySelector("input[name=item_" + id + "]:checked");
    if (!checked) return;
    var comment = row.querySelector("input[name=comment_" + id + "]");
    var body = new FormData();
    body.append("item", id);
    body.append("value", checked.value);
    body.append("comment", comment ? comment.value : "");
    setText(autosave, msg.saving || "…");
    // One request at a time, in the order of the clicks: the last answer shown is the last saved.
    queue = queue.then(function () { return send(row, body, comment, 2); });
  }

  // A lost connection or a busy server is tried again (the answer is idempotent), so a click is
  // never dropped silently; only then the page says it could not save.
  function send(row, body, comment, attempts) {
    return fetch(url, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (response.status >= 500 || response.status === 429) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var error = row.querySelector("[data-role=error]");
        if (!data.ok) {
          setText(error, data.error);
          row.classList.add("border-danger");
          // The comment field is marked invalid and described by the error (WCAG 3.3.1, 4.1.2).
          if (comment) comment.setAttribute("aria-invalid", "true");
          row.dataset.saved = "false";
          setText(autosave, "");
          if (comment && !comment.value) comment.focus();
          return;
        }
        setText(error, "");
        row.classList.remove("border-danger");
        if (comment) comment.removeAttribute("aria-invalid");
        row.dataset.saved = "true";
        if (comment && data.comment !== comment.value) comment.value = data.comment;
        setText(row.querySelector("[data-role=status]"),
          (msg.answeredBy || "") + " " + data.answered_by + ", " + data.answered_at);
        setText(document.querySelector("[data-role=answered]"), data.answered);
        setText(document.querySelector("[data-role=total]"), data.total);
        setText(autosave, msg.saved || "");
      })
      .catch(function () {
        if (attempts > 1) {
          return new Promise(function (resolve) { setTimeout(resolve, 1000); })
            .then(function () { return send(row, body, comment, attempts - 1); });
        }
        row.dataset.saved = "false";
        setText(autosave, msg.failed || "!");
      });
  }

  form.addEventListener("change", function (event) {
    var row = event.target.closest("[data-item]");
    if (row) save(row);
  });
})();
