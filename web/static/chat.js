// A first chat page over the web service's /api/chat (Rasa REST channel). Bot text is set as
// textContent (never HTML); only http(s) links become links.
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("msg");
  const key = "innovasjon-chat-sender";
  let sender = sessionStorage.getItem(key);
  if (!sender) { sender = crypto.randomUUID(); sessionStorage.setItem(key, sender); }

  function addText(el, text) {
    const parts = String(text).split(/(https?:\/\/[^\s)]+)/g);
    for (const part of parts) {
      if (/^https?:\/\//.test(part)) {
        const a = document.createElement("a");
        a.href = part; a.textContent = part; a.rel = "noopener"; a.target = "_blank";
        el.appendChild(a);
      } else {
        el.appendChild(document.createTextNode(part));
      }
    }
  }
  function show(who, text, buttons) {
    const div = document.createElement("div");
    div.className = "msg " + who;
    if (text) addText(div, text);
    if (buttons && buttons.length) {
      const box = document.createElement("div");
      box.className = "buttons";
      for (const b of buttons) {
        const btn = document.createElement("button");
        btn.type = "button"; btn.textContent = b.title;
        btn.addEventListener("click", () => send(b.payload, b.title));
        box.appendChild(btn);
      }
      div.appendChild(box);
    }
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }
  async function send(message, shown) {
    show("user", shown || message);
    try {
      const resp = await fetch("/api/chat", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender, message }),
      });
      if (!resp.ok) throw new Error(resp.status);
      const data = await resp.json();
      for (const m of data.messages) show("bot", m.text, m.buttons);
    } catch (e) {
      show("bot", "Assistenten er ikke tilgjengelig akkurat nå. Prøv igjen om litt.");
    }
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send(text);
  });
  document.getElementById("restart").addEventListener("click", () => {
    sender = crypto.randomUUID(); sessionStorage.setItem(key, sender);
    log.textContent = "";
    input.focus();
  });
})();
