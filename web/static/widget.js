/*
 * Chat widget for the Rasa assistant: one tag on any page.
 *
 *   <script src="https://host/static/widget.js" data-server="https://rasa-host"
 *           data-greeting="Hei! ..." data-title="..." data-lang="nb" defer></script>
 *
 * It adds a launcher button and a chat panel (non-modal dialog) to the page, with widget.css
 * loaded from next to this script. It talks to Rasa's socket.io channel (socket.io-client is
 * loaded on demand from vendor/socket.io.min.js next to this script) and falls back to Rasa's
 * REST channel when socket.io cannot load or connect. The session id, the transcript and the
 * panel's open state live in sessionStorage, so the conversation survives a reload.
 *
 * Safety: user and bot text only ever reach the page as text nodes (never innerHTML); only
 * http(s) URLs become links. No dependencies besides socket.io-client. docs/widget.md has more.
 *
 * Optional attributes: data-title, data-lang ("nb", "nn" or "en": the labels, the lang attribute
 * and the language the assistant answers in until the user's own writing tells it otherwise),
 * data-transport ("rest" skips socket.io), data-socket-path (default "/socket.io").
 */
(function () {
  "use strict";

  var script = document.currentScript ||
    document.querySelector('script[src*="widget.js"][data-server]');
  if (!script || window.__ipwLoaded) return;
  window.__ipwLoaded = true;

  var LABELS = {
    nb: {
      launcher: "Chat med assistenten",
      title: "Spør assistenten",
      close: "Lukk chatten",
      restart: "Start på nytt",
      log: "Samtalen",
      you: "Du: ",
      bot: "Assistenten: ",
      input: "Skriv spørsmålet ditt",
      placeholder: "For eksempel: Hvem kan søke?",
      send: "Send",
      typing: "Assistenten skriver …",
      down: "Assistenten er ikke tilgjengelig akkurat nå.",
      retrying: "Vi prøver igjen automatisk, og meldingen din blir sendt når den er tilbake.",
      retryNow: "Prøv igjen nå",
      unsent: "Ikke sendt ennå",
      replies: "Svaralternativer",
      rate: "Var svaret nyttig?",
      rateUp: "Ja, svaret var nyttig",
      rateDown: "Nei, svaret var ikke nyttig",
      newTab: " (åpnes i ny fane)",
      image: "Bilde",
      privacy: "Personvern"
    },
    nn: {
      launcher: "Chat med assistenten",
      title: "Spør assistenten",
      close: "Lukk chatten",
      restart: "Start på nytt",
      log: "Samtalen",
      you: "Du: ",
      bot: "Assistenten: ",
      input: "Skriv spørsmålet ditt",
      placeholder: "Til dømes: Kven kan søkje?",
      send: "Send",
      typing: "Assistenten skriv …",
      down: "Assistenten er ikkje tilgjengeleg akkurat no.",
      retrying: "Vi prøver igjen automatisk, og meldinga di blir send når han er tilbake.",
      retryNow: "Prøv igjen no",
      unsent: "Ikkje send enno",
      replies: "Svaralternativ",
      rate: "Var svaret nyttig?",
      rateUp: "Ja, svaret var nyttig",
      rateDown: "Nei, svaret var ikkje nyttig",
      newTab: " (blir opna i ei ny fane)",
      image: "Bilete",
      privacy: "Personvern"
    },
    en: {
      launcher: "Chat with the assistant",
      title: "Ask the assistant",
      close: "Close the chat",
      restart: "Start over",
      log: "Conversation",
      you: "You: ",
      bot: "Assistant: ",
      input: "Type your question",
      placeholder: "For example: Who can apply?",
      send: "Send",
      typing: "The assistant is typing …",
      down: "The assistant is not available right now.",
      retrying: "We will try again automatically and send your message when it is back.",
      retryNow: "Try again now",
      unsent: "Not sent yet",
      replies: "Reply options",
      rate: "Was the answer helpful?",
      rateUp: "Yes, the answer was helpful",
      rateDown: "No, the answer was not helpful",
      newTab: " (opens in a new tab)",
      image: "Image",
      privacy: "Privacy"
    }
  };

  // ---- configuration ----------------------------------------------------------------------
  var data = script.dataset;
  var base = new URL(".", script.src).href;
  // Rasa's URL; a relative one ("/rasa") is on the page's own origin.
  var server = new URL(data.server || "/", document.baseURI).href.replace(/\/+$/, "");
  var lang = LABELS[data.lang] ? data.lang : "nb";
  // Sent with every message: the assistant's language until the user's own writing tells.
  var metadata = LABELS[data.lang] ? { lang: data.lang } : {};
  var L = LABELS[lang];
  var title = data.title || L.title;
  var greeting = data.greeting || "";
  var forceRest = data.transport === "rest";
  var socketPath = data.socketPath || "/socket.io";
  var MAX_ITEMS = 200;          // transcript entries kept in sessionStorage
  var REPLY_TIMEOUT = 20000;    // ms without an answer before the typing indicator goes
  var BACKOFF = [2000, 4000, 8000, 15000, 30000];

  // ---- storage (sessionStorage may be unavailable: then nothing persists) -----------------
  var prefix = "ipw:" + server + ":";
  function load(key, fallback) {
    try {
      var raw = window.sessionStorage.getItem(prefix + key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) { return fallback; }
  }
  function save(key, value) {
    try {
      var json = JSON.stringify(value, function (k, v) { return k === "node" ? undefined : v; });
      window.sessionStorage.setItem(prefix + key, json);
    } catch (e) { /* storage full or off */ }
  }
  function newId() {
    // crypto.randomUUID needs a secure context; getRandomValues works everywhere.
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  var state = {
    session: load("session", null) || newId(),
    items: load("items", []),          // {who: "bot"|"user", text, buttons?, pending?}
    open: load("open", false)
  };
  save("session", state.session);

  // ---- DOM helpers --------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function bubbleIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
    svg.appendChild(path);
    return svg;
  }
  function srOnly(text) { return el("span", { className: "ipw-sr", text: text }); }

  var URL_RE = /(https?:\/\/[^\s<>"']+)/g;
  var TRAILING = /[.,;:!?)\]»"']+$/;

  // Text with line breaks kept (CSS pre-wrap) and http(s) URLs as links; all as text nodes.
  function appendText(parent, text) {
    String(text).split(URL_RE).forEach(function (part, i) {
      if (i % 2 === 0) { if (part) parent.appendChild(document.createTextNode(part)); return; }
      var tail = (part.match(TRAILING) || [""])[0];
      var href = tail ? part.slice(0, -tail.length) : part;
      var ok = false;
      try { ok = /^https?:$/.test(new URL(href).protocol); } catch (e) { ok = false; }
      if (!ok) { parent.appendChild(document.createTextNode(part)); return; }
      var a = el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: href });
      a.appendChild(srOnly(L.newTab));
      parent.appendChild(a);
      if (tail) parent.appendChild(document.createTextNode(tail));
    });
  }

  // ---- the widget's elements ------------------------------------------------------------------
  var root = el("div", { className: "ipw", lang: lang, hidden: "" });
  var launcher = el("button", {
    type: "button", className: "ipw-launcher", "aria-expanded": "false", "aria-controls": "ipw-panel"
  }, [
    bubbleIcon(),
    el("span", { text: L.launcher })
  ]);
  var heading = el("h2", { id: "ipw-title", className: "ipw-title", text: title });
  var restartBtn = el("button", { type: "button", className: "ipw-restart", text: L.restart });
  var closeBtn = el("button", { type: "button", className: "ipw-close", "aria-label": L.close }, [
    el("span", { "aria-hidden": "true", text: "×" })
  ]);
  var log = el("div", {
    className: "ipw-log", role: "log", "aria-live": "polite", "aria-label": L.log, tabindex: "0"
  });
  var typing = el("div", { className: "ipw-typing", hidden: "", "aria-hidden": "true" }, [
    el("span", { className: "ipw-dots" }, [el("span"), el("span"), el("span")]),
    el("span", { text: L.typing })
  ]);
  var status = el("div", { className: "ipw-sr", role: "status" });
  var noticeText = el("p", { className: "ipw-notice-text" });
  var retryBtn = el("button", { type: "button", className: "ipw-retry", text: L.retryNow });
  var notice = el("div", { className: "ipw-notice", role: "alert" });
  var noticeBox = el("div", { className: "ipw-notice-box", hidden: "" }, [noticeText, retryBtn]);
  notice.appendChild(noticeBox);
  var input = el("input", {
    id: "ipw-input", className: "ipw-input", type: "text", name: "message", maxlength: "10000",
    autocomplete: "off", placeholder: L.placeholder
  });
  var form = el("form", { className: "ipw-form" }, [
    el("label", { for: "ipw-input", className: "ipw-label", text: L.input }),
    el("div", { className: "ipw-row" }, [input, el("button", { type: "submit", className: "ipw-send", text: L.send })])
  ]);
  // The privacy page of the web service that serves this script (/personvern), in the
  // widget's language.
  var privacyLink = el("a", {
    href: new URL("../personvern?lang=" + lang, base).href, target: "_blank", rel: "noopener",
    hreflang: lang, text: L.privacy
  });
  privacyLink.appendChild(srOnly(L.newTab));
  var foot = el("p", { className: "ipw-foot" }, [privacyLink]);
  var panel = el("section", {
    id: "ipw-panel", className: "ipw-panel", role: "dialog", "aria-labelledby": "ipw-title", hidden: ""
  }, [
    el("div", { className: "ipw-header" }, [heading, restartBtn, closeBtn]),
    log, typing, status, notice, form, foot
  ]);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---- transcript -------------------------------------------------------------------------------
  function persist() {
    if (state.items.length > MAX_ITEMS) state.items = state.items.slice(-MAX_ITEMS);
    save("items", state.items);
  }

  function renderItem(item) {
    var node = el("div", { className: "ipw-msg ipw-" + item.who });
    node.appendChild(srOnly(item.who === "user" ? L.you : L.bot));
    var body = el("div", { className: "ipw-text" });
    appendText(body, item.text || "");
    node.appendChild(body);
    if (item.pending) node.appendChild(el("span", { className: "ipw-pending", text: L.unsent }));
    var replies = (item.buttons || []).filter(function (b) { return !isRating(b); });
    var ratings = (item.buttons || []).filter(isRating);
    if (replies.length) {
      var group = el("div", { className: "ipw-replies", role: "group", "aria-label": L.replies });
      replies.forEach(function (b) {
        var btn = el("button", { type: "button", className: "ipw-reply", text: b.title });
        btn.addEventListener("click", function () { send(b.payload, b.title); input.focus(); });
        group.appendChild(btn);
      });
      node.appendChild(group);
    }
    // 👍/👎 under an answer: small, after the answer's own buttons, with spoken names
    if (ratings.length) {
      var rate = el("div", { className: "ipw-feedback", role: "group", "aria-label": L.rate });
      ratings.forEach(function (b) {
        var up = /"up"/.test(b.payload);
        var btn = el("button", {
          type: "button", className: "ipw-rate", text: b.title,
          "aria-label": up ? L.rateUp : L.rateDown
        });
        btn.addEventListener("click", function () { send(b.payload, b.title); input.focus(); });
        rate.appendChild(btn);
      });
      node.appendChild(rate);
    }
    item.node = node;
    return node;
  }

  // Feedback buttons ("/feedback{...}") are shown apart from the answer's reply buttons.
  function isRating(b) { return /^\/feedback\b/.test(b.payload); }

  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  function add(item) {
    state.items.push(item);
    log.appendChild(renderItem(item));
    persist();
    scrollToEnd();
    return item;
  }

  function markSent(item) {
    if (!item.pending) return;
    delete item.pending;
    delete item.message;
    var badge = item.node && item.node.querySelector(".ipw-pending");
    if (badge) badge.remove();
    persist();
  }

  // Quick replies belong to the latest bot message only: drop older ones when the user speaks.
  function dropReplies() {
    state.items.forEach(function (item) {
      if (!item.buttons || !item.buttons.length) return;
      item.buttons = [];
      [".ipw-replies", ".ipw-feedback"].forEach(function (selector) {
        var group = item.node && item.node.querySelector(selector);
        if (group) group.remove();
      });
    });
  }

  function showGreeting() {
    if (greeting && !state.items.length) add({ who: "bot", text: greeting });
  }

  // Rasa's REST ({text, buttons, image}) and socket.io ({text, quick_replies, attachment})
  // messages as transcript entries.
  function fromRasa(m) {
    if (!m || typeof m !== "object") return null;
    var text = typeof m.text === "string" ? m.text : "";
    var image = m.image || (m.attachment && m.attachment.payload && m.attachment.payload.src);
    if (typeof image === "string") text = (text ? text + "\n" : "") + L.image + ": " + image;
    var buttons = (m.buttons || m.quick_replies || []).filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string";
    }).map(function (b) { return { title: b.title, payload: b.payload }; });
    if (!text && !buttons.length) return null;
    return { who: "bot", text: text, buttons: buttons };
  }

  function botSays(m) {
    var item = fromRasa(m);
    if (item) add(item);
    stopTyping();
  }

  // ---- typing indicator: one polite announcement per wait ------------------------------------
  var typingTimer = null;
  function startTyping() {
    if (typing.hidden) { typing.hidden = false; status.textContent = L.typing; scrollToEnd(); }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, REPLY_TIMEOUT);
  }
  function stopTyping() {
    clearTimeout(typingTimer);
    typing.hidden = true;
    status.textContent = "";
  }

  // ---- connection state and the "not available" notice ---------------------------------------
  var transport = null;      // null | "socket" | "rest"
  var socket = null;
  var ready = false;         // socket: session confirmed; rest: reachable
  var connecting = null;     // Promise while connecting
  var attempt = 0;
  var retryTimer = null;
  var queue = [];            // items waiting to be sent: {item, message}

  function setDown(down) {
    if (down && noticeBox.hidden) {
      noticeText.textContent = "";
      noticeText.appendChild(el("strong", { text: L.down }));
      noticeText.appendChild(document.createTextNode(" " + L.retrying));
      noticeBox.hidden = false;
      stopTyping();
    } else if (!down && !noticeBox.hidden) {
      noticeBox.hidden = true;
      noticeText.textContent = "";
    }
    root.setAttribute("data-state", down ? "down" : ready ? "ready" : "connecting");
  }

  function scheduleRetry() {
    clearTimeout(retryTimer);
    var delay = BACKOFF[Math.min(attempt, BACKOFF.length - 1)];
    attempt += 1;
    retryTimer = setTimeout(connect, delay);
  }

  function loadSocketIo() {
    if (window.io) return Promise.resolve(window.io);
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + "vendor/socket.io.min.js";
      s.async = true;
      s.onload = function () { window.io ? resolve(window.io) : reject(new Error("no io")); };
      s.onerror = function () { reject(new Error("socket.io-client did not load")); };
      document.head.appendChild(s);
    });
  }

  // Resolves true once Rasa confirmed the session over socket.io, false if it cannot connect.
  function openSocket(io) {
    return new Promise(function (resolve) {
      var url = new URL(server);
      var path = url.pathname.replace(/\/+$/, "") + socketPath;
      // forceNew: a retry after a failed attempt gets a fresh connection, not socket.io's
      // cached (closed) one with the old listeners.
      var s = io(url.origin, { path: path, forceNew: true, timeout: 6000, reconnectionDelayMax: 10000 });
      var settled = false;
      function settle(ok) { if (!settled) { settled = true; resolve(ok); } }
      s.on("connect", function () {
        s.emit("session_request", { session_id: state.session });
      });
      s.on("session_confirm", function () {
        socket = s; transport = "socket"; ready = true; attempt = 0;
        root.setAttribute("data-transport", "socket");
        setDown(false);
        settle(true);
        flush();
      });
      s.on("bot_uttered", botSays);
      s.on("disconnect", function (reason) {
        ready = false;
        if (reason === "io server disconnect") s.connect();
        if (reason !== "io client disconnect") setDown(true);
      });
      s.on("connect_error", function () {
        if (!settled) { s.off(); s.close(); settle(false); return; }
        setDown(true);   // socket.io keeps reconnecting with its own backoff
      });
    });
  }

  function restReachable() {
    return fetch(server + "/", { method: "GET", mode: "cors", cache: "no-store" })
      .then(function (r) { return r.ok; }, function () { return false; });
  }

  // Socket.io first (unless data-transport="rest"), else REST; the notice and a retry with
  // backoff when neither answers.
  function connect() {
    if (connecting) return connecting;
    clearTimeout(retryTimer);
    root.setAttribute("data-state", "connecting");
    connecting = (forceRest ? Promise.resolve(null) : loadSocketIo().catch(function () { return null; }))
      .then(function (io) { return io ? openSocket(io) : false; })
      .then(function (viaSocket) {
        if (viaSocket) return true;
        return restReachable().then(function (ok) {
          if (!ok) return false;
          transport = "rest"; ready = true; attempt = 0;
          root.setAttribute("data-transport", "rest");
          setDown(false);
          flush();
          return true;
        });
      })
      .then(function (ok) {
        connecting = null;
        if (!ok) { ready = false; setDown(true); scheduleRetry(); }
        return ok;
      });
    return connecting;
  }

  // An open socket reconnects by itself (socket.io's backoff); otherwise connect afresh.
  function reconnectNow() {
    if (socket) { if (!socket.connected) socket.connect(); return; }
    connect();
  }

  function restSend(message) {
    return fetch(server + "/webhooks/rest/webhook", {
      method: "POST",
      mode: "cors",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.session, message: message, metadata: metadata })
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  var flushing = false;
  function flush() {
    if (!ready || flushing || !queue.length) return;
    if (transport === "socket") {
      while (queue.length && ready) {
        var next = queue.shift();
        socket.emit("user_uttered", { message: next.message, session_id: state.session,
                                      metadata: metadata });
        markSent(next.item);
        startTyping();
      }
      return;
    }
    flushing = true;
    var job = queue[0];
    startTyping();
    restSend(job.message).then(function (messages) {
      queue.shift();
      markSent(job.item);
      flushing = false;
      stopTyping();
      (Array.isArray(messages) ? messages : []).forEach(botSays);
      flush();
    }, function () {
      flushing = false;
      ready = false;
      setDown(true);
      scheduleRetry();
    });
  }

  // ---- user actions ---------------------------------------------------------------------------
  function send(message, shown) {
    if (!message || !message.trim()) return;
    dropReplies();
    var item = add({ who: "user", text: shown || message, pending: true, message: message });
    queue.push({ item: item, message: message });
    if (ready) flush(); else reconnectNow();
  }

  function openPanel(focus) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("ipw-open");
    state.open = true; save("open", true);
    showGreeting();
    scrollToEnd();
    if (!ready) reconnectNow();
    if (focus) input.focus();
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("ipw-open");
    state.open = false; save("open", false);
    launcher.focus();
  }

  function restart() {
    queue = [];
    stopTyping();
    state.items = [];
    state.session = newId();
    save("session", state.session);
    persist();
    log.textContent = "";
    if (transport === "socket" && socket && socket.connected) {
      ready = false;
      socket.emit("session_request", { session_id: state.session });  // confirm sets ready
    }
    showGreeting();
    input.focus();
  }

  launcher.addEventListener("click", function () {
    if (panel.hidden) openPanel(true); else closePanel();
  });
  closeBtn.addEventListener("click", closePanel);
  restartBtn.addEventListener("click", restart);
  retryBtn.addEventListener("click", function () { attempt = 0; reconnectNow(); input.focus(); });
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { e.preventDefault(); closePanel(); }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send(text);
  });

  // ---- start: restore the transcript before the log is in the page (no re-announcement) ------
  state.items.forEach(function (item) {
    log.appendChild(renderItem(item));
    if (item.pending) queue.push({ item: item, message: item.message || item.text });
  });
  // Only the last bot message keeps its quick replies.
  for (var i = state.items.length - 1; i >= 0; i--) {
    if (state.items[i].who === "user") { dropReplies(); break; }
    if (state.items[i].buttons && state.items[i].buttons.length) break;
  }

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = base + "widget.css";
  var shown = false;
  function show() {
    if (shown) return;
    shown = true;
    root.hidden = false;
    if (state.open) openPanel(false);
  }
  css.onload = show;
  css.onerror = show;
  setTimeout(show, 3000);
  document.head.appendChild(css);
  document.body.appendChild(root);
})();
