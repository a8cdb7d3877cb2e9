// Issue 13, points 3 and 7: the networks' counters while the publication is typed, and each
// post link checked against its account's network as it is typed. Everything comes from the
// page (#compose-data, built by content/previews.py: limits, hosts of registry/links.py, the
// translated words); nothing is fetched. The server checks the same again (guard R6.2-limits,
// R4.1), so this only tells sooner.
(function () {
  "use strict";
  var node = document.getElementById("compose-data");
  if (!node) return;
  var data = JSON.parse(node.textContent);
  var accounts = data.accounts || {};
  var words = data.strings || {};
  var media = data.media || 0;
  // Grouped as the server groups them ("2 200" in Kazakh and Russian, content/previews.py).
  var numbers = {
    format: function (value) {
      return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, data.thousands || ",");
    }
  };
  var SUBDOMAINS = ["www.", "m.", "mobile.", "web.", "business."];
  var HASHTAG = /(^|[^\p{L}\p{N}\p{M}_#])#[\p{L}\p{N}\p{M}_]+/gu;

  function fill(text, params) {
    return text.replace(/%\((\w+)\)s/g, function (all, key) {
      return key in params ? params[key] : all;
    });
  }
  // As Python counts: code points, with "\r\n" as one line end (content/previews.py).
  function normalized(text) {
    return (text || "").replace(/\r\n?/g, "\n");
  }
  function length(text) {
    return Array.from(text).length;
  }

  // Link checks: the host must be one registry/links.py accepts for the account's network.
  function hostOf(raw) {
    var text = (raw || "").trim();
    if (!text || text.indexOf(" ") >= 0) return "";
    try {
      var url = new URL(text.indexOf("://") >= 0 ? text : "https://" + text);
      if (url.protocol !== "http:" && url.protocol !== "https:") return "";
      var host = url.hostname.toLowerCase();
      SUBDOMAINS.forEach(function (prefix) {
        if (host.indexOf(prefix) === 0) host = host.slice(prefix.length);
      });
      return host;
    } catch (error) {
      return "";
    }
  }
  function checkLink(input) {
    var account = accounts[input.name.slice(5)];
    if (!account) return;
    var feedback = input.nextElementSibling;
    if (!feedback || !feedback.hasAttribute("data-link-feedback")) {
      feedback = document.createElement("div");
      feedback.className = "invalid-feedback";
      feedback.setAttribute("data-link-feedback", "");
      feedback.id = input.id + "-feedback";
      input.insertAdjacentElement("afterend", feedback);
      input.setAttribute("aria-describedby", feedback.id);
    }
    var value = input.value.trim();
    var fits = !value || account.hosts.indexOf(hostOf(value)) >= 0;
    var message = fits ? "" : fill(words.wrong_link, { network: account.label, account: account.name });
    input.setCustomValidity(message);
    input.classList.toggle("is-invalid", !fits);
    input.setAttribute("aria-invalid", fits ? "false" : "true");
    feedback.textContent = message;
  }
  document.querySelectorAll("input[name^='link-']").forEach(function (input) {
    input.addEventListener("input", function () { checkLink(input); });
    checkLink(input);
  });

  // Counters on the publication form.
  var form = document.querySelector("form[data-compose]");
  if (!form) return;
  var cards = form.querySelector("[data-compose-cards]");
  var empty = form.querySelector("[data-compose-empty]");
  var field = function (name) { return form.querySelector("[name='" + name + "']"); };
  var title = field("title");
  var texts = { kk: field("text_kk"), ru: field("text_ru") };
  var language = field("language");

  function shown(publication, account) {
    var wanted = publication === "both" ? ["kk", "ru"] : [publication];
    if (account === "kk" || account === "ru") {
      var kept = wanted.filter(function (code) { return code === account; });
      if (kept.length) return kept;
    }
    return wanted;
  }
  function textFor(account) {
    var codes = shown(language ? language.value : "both", account.languages);
    var parts = [];
    codes.forEach(function (code) {
      var value = texts[code] ? normalized(texts[code].value).trim() : "";
      if (value) parts.push(value);
    });
    return {
      text: parts.join("\n\n") || normalized(title ? title.value : "").trim(),
      lang: codes.length === 1 ? codes[0] : ""
    };
  }
  function counter(list, code, value, limit, account) {
    var item = document.createElement("li");
    item.setAttribute("data-testid", "counter-" + code);
    item.textContent = (words[code] || code) + ": " + numbers.format(value) +
      (limit ? " / " + numbers.format(limit) : "");
    if (limit && value > limit) {
      item.className = "compose-over";
      item.textContent += " — " + fill(words.over, { network: account.label });
    }
    list.appendChild(item);
  }
  function card(account) {
    var column = document.createElement("div");
    column.className = "col-12 col-md-6";
    var box = document.createElement("article");
    box.className = "net-card net-" + account.style;
    box.setAttribute("data-testid", "compose-card");
    var head = document.createElement("header");
    head.className = "net-head";
    head.textContent = account.label + " · " + account.name;
    box.appendChild(head);
    var post = textFor(account);
    if (account.style === "youtube" && title) {
      var heading = document.createElement("div");
      heading.className = "net-title";
      heading.textContent = normalized(title.value).trim();
      box.appendChild(heading);
    }
    var body = document.createElement("div");
    body.className = "net-text";
    if (post.lang) body.lang = post.lang;
    body.textContent = length(post.text) > 280 ? Array.from(post.text).slice(0, 279).join("") + "…" : post.text;
    box.appendChild(body);
    var list = document.createElement("ul");
    list.className = "net-counters list-unstyled small mb-0";
    if (account.title) counter(list, "title", length(normalized(title ? title.value : "").trim()), account.title, account);
    if (account.caption && media) {
      counter(list, "caption", length(post.text), account.caption, account);
    } else {
      counter(list, account.style === "youtube" ? "description" : "text", length(post.text), account.text, account);
    }
    if (account.hashtags) {
      counter(list, "hashtags", (post.text.match(HASHTAG) || []).length, account.hashtags, account);
    }
    box.appendChild(list);
    column.appendChild(box);
    return column;
  }
  function refresh() {
    var chosen = Array.prototype.filter.call(
      form.querySelectorAll("input[name='accounts']"),
      function (box) { return box.checked && accounts[box.value]; }
    );
    cards.replaceChildren.apply(cards, chosen.map(function (box) { return card(accounts[box.value]); }));
    if (empty) empty.hidden = chosen.length > 0;
  }
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);
  refresh();
})();
