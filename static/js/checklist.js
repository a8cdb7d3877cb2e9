// The checklist page (templates/checklist/checklist_detail.html): every answer is saved as soon
// as it changes, one POST per item to the page's answer endpoint, so a closed tab loses nothing.
// "The rest of this section: yes" answers a section's remaining items in one POST. After each
// save the progress is updated and, once every item is answered and the decision can be signed,
// the signature form is brought in from the page itself — no reload (issue 13, point 2).
// Without JavaScript the "Save" button posts the whole form and the server does the same checks;
// a section's button then posts to its own endpoint and comes back to the page.
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
    answeredBy: form.dataset.msgAnsweredBy,
    decisionReady: form.dataset.msgDecisionReady
  };
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var autosave = form.querySelector("[data-role=autosave]");
  var queue = Promise.resolve();
  var decisionShown = !!document.querySelector("[data-testid=decision-form]");

  function setText(el, text) { if (el) el.textContent = text; }

  function post(target, body) {
    return fetch(target, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      if (response.status >= 500 || response.status === 429) throw new Error(response.status);
      return response.json();
    });
  }

  // The progress ("27 / 39", the bar) and the decision, from any save's JSON answer.
  function showState(data) {
    setText(document.querySelector("[data-role=answered]"), data.answered);
    setText(document.querySelector("[data-role=total]"), data.total);
    var bar = document.querySelector("[data-role=progressbar]");
    if (bar) {
      bar.setAttribute("aria-valuenow", data.answered);
      bar.setAttribute("aria-valuemax", data.total);
      var inner = bar.querySelector("[data-role=progress-bar]");
      if (inner) {
        inner.className = inner.className.replace(/\bpct-\d+\b/, "pct-" + data.percent);
        inner.classList.toggle("bg-success", data.answered === data.total);
      }
    }
    if (data.decide_ready) {
      revealDecision();
    } else if (data.decide_reason) {
      setText(document.querySelector("[data-role=decide-reason]"), data.decide_reason);
    }
  }

  // The signature form is on the page the server renders once the decision can be signed:
  // fetch that page and put its decision card in place of the "not yet" card.
  function revealDecision() {
    if (decisionShown) return;
    var slot = document.querySelector("[data-role=decision-slot]");
    if (!slot || !window.DOMParser) return;
    decisionShown = true;
    fetch(form.dataset.pageUrl, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-role=decision-slot]");
        if (!fresh || !fresh.querySelector("[data-testid=decision-form]")) {
          decisionShown = false;
          return;
        }
        var node = document.importNode(fresh, true);
        slot.replaceWith(node);
        setText(autosave, msg.decisionReady || "");
      })
      .catch(function () { decisionShown = false; });
  }

  function markSaved(row, answeredBy, answeredAt) {
    var error = row.querySelector("[data-role=error]");
    var comment = row.querySelector("input[name^=comment_]");
    setText(error, "");
    row.classList.remove("border-danger");
    if (comment) comment.removeAttribute("aria-invalid");
    row.dataset.saved = "true";
    row.dataset.answered = "true";
    setText(row.querySelector("[data-role=status]"),
      (msg.answeredBy || "") + " " + answeredBy + ", " + answeredAt);
  }

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
    return post(url, body)
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
        if (comment && data.comment !== comment.value) comment.value = data.comment;
        markSaved(row, data.answered_by, data.answered_at);
        setText(autosave, msg.saved || "");
        showState(data);
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

  // "The rest of this section: yes": one POST; each answered row is checked "yes" and marked.
  function sectionYes(button) {
    var section = button.closest("section");
    button.disabled = true;
    setText(autosave, msg.saving || "…");
    queue = queue.then(function () {
      return post(button.getAttribute("formaction"), new FormData())
        .then(function (data) {
          if (!data.ok) {
            button.disabled = false;
            setText(autosave, data.error);
            return;
          }
          data.rows.forEach(function (answer) {
            var row = form.querySelector("[data-item='" + answer.item + "']");
            if (!row) return;
            var radio = row.querySelector("#item_" + answer.item + "_" + answer.value);
            if (radio) radio.checked = true;
            markSaved(row, answer.answered_by, answer.answered_at);
          });
          setText(autosave, msg.saved || "");
          // Nothing is left in the section for this person: the button goes, focus stays near.
          var heading = section && section.querySelector("h2");
          if (heading) {
            heading.setAttribute("tabindex", "-1");
            heading.focus();
          }
          button.remove();
          showState(data);
        })
        .catch(function () {
          button.disabled = false;
          setText(autosave, msg.failed || "!");
        });
    });
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-role=section-yes]");
    if (!button) return;
    event.preventDefault();
    sectionYes(button);
  });

  form.addEventListener("change", function (event) {
    var row = event.target.closest("[data-item]");
    if (row) save(row);
  });
})();
