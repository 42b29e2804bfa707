// The visual rule builder of the group editor (docs/dashboard.md, docs/rules.md).
// The builder keeps a tree of condition groups (AND / OR, optionally negated) and conditions (field,
// operator, value); every change writes the JSON condition tree into the form's hidden rule_json and
// asks the server (POST /groups/rules/check) for the member count, or for the error with its position.
// The text mode is the form's textarea; switching converts through the same endpoint, so the server's
// parser is the only one. Everything is built with buttons and selects, reachable by keyboard.
(function () {
  "use strict";
  var root = document.getElementById("builder");
  var catalogueBlock = document.getElementById("rule-catalogue");
  if (!root || !catalogueBlock) { return; }
  var catalogue = JSON.parse(catalogueBlock.textContent);
  var arabic = document.documentElement.lang === "ar";
  var t = root.dataset;
  var form = root.closest("form") || document.getElementById("group-form");
  var textarea = document.getElementById("rule");
  var textMode = document.getElementById("text-mode");
  var ruleJson = document.getElementById("rule_json");
  var modeInput = document.getElementById("mode");
  var errorBox = document.getElementById("rule-error");
  var countBox = document.getElementById("rule-count");
  var builderButton = document.getElementById("mode-builder");
  var textButton = document.getElementById("mode-text");
  var fields = {};
  catalogue.fields.forEach(function (f) { fields[f.name] = f; });
  // Families of fields with a number of days in their name (viewed_products_45d): one entry in the field list,
  // and a days input that makes the member's name. A member that is also a listed field stays that field.
  var families = catalogue.families || [];
  function familyOf(name) {
    for (var i = 0; i < families.length; i++) {
      var m = new RegExp("^" + families[i].key + "_(\\d+)d$").exec(name);
      if (m) { return { family: families[i], days: Number(m[1]) }; }
    }
    return null;
  }
  function fieldOf(name) {
    if (fields[name]) { return fields[name]; }
    var member = familyOf(name);
    return member ? { name: name, type: member.family.type, operators: member.family.operators, allowed_values: [] }
      : fields.total_spent;
  }
  var operators = {};
  catalogue.operators.forEach(function (o) { operators[o.code] = o; });
  var NUMERIC = ["integer", "decimal", "money"];
  var TEMPORAL = ["date", "date_time"];
  var model = null;
  var serial = 0;
  var pending = null;
  var sequence = 0;

  function label(item) { return arabic ? item.label_ar : item.label_en; }
  function nextId(prefix) { serial += 1; return "rb-" + prefix + "-" + serial; }
  function newLeaf() { return { type: "leaf", field: "total_spent", op: ">", value: "", from: "", to: "", values: "", list: [] }; }
  // The values a text field is chosen from (next_category: the store's categories), or null for a free text box.
  function choicesOf(field) {
    var c = (catalogue.choices || {})[field.name];
    return c && c.length ? c : null;
  }
  function newGroup(op) { return { type: "group", op: op || "all", negated: false, children: [newLeaf()] }; }

  // ---- JSON tree <-> builder model ----
  function fromJson(json) {
    if (json.all || json.any) {
      var op = json.all ? "all" : "any";
      return { type: "group", op: op, negated: false, children: json[op].map(fromJson) };
    }
    if (json.not) {
      var inner = fromJson(json.not);
      if (inner.type === "group" && !inner.negated) { inner.negated = true; return inner; }
      return { type: "group", op: "all", negated: true, children: [inner] };
    }
    if (json.group) { return leaf("group", "=", json.group); }
    var l = leaf(json.field, json.op, json.value === undefined ? "" : String(json.value));
    if (!fields[json.field] && familyOf(json.field)) { l.family = familyOf(json.field).family.key; }
    if (json.from !== undefined) { l.from = String(json.from); l.to = String(json.to); }
    if (json.values) { l.values = json.values.map(String).join(", "); l.list = json.values.map(String); }
    return l;
  }
  function leaf(field, op, value) {
    return { type: "leaf", field: field, op: op, value: value, from: "", to: "", values: "", list: [] };
  }
  function literal(text, type) {
    var s = String(text).trim();
    if (NUMERIC.indexOf(type) >= 0 && /^[+-]?\d+(\.\d+)?$/.test(s)) { return Number(s); }
    return s;
  }
  function toJson(node) {
    if (node.type === "group") {
      var kids = node.children.map(toJson);
      var base = kids.length === 1 ? kids[0] : (node.op === "all" ? { all: kids } : { any: kids });
      return node.negated ? { not: base } : base;
    }
    var type = fieldOf(node.field).type;
    var out = { field: node.field, op: node.op };
    if (node.op === "between") {
      out.from = literal(node.from, type); out.to = literal(node.to, type);
    } else if (node.op === "in" && choicesOf(fields[node.field])) {
      out.values = node.list.slice();
    } else if (node.op === "in") {
      out.values = node.values.split(/[,،]/).map(function (v) { return v.trim(); })
        .filter(function (v) { return v !== ""; }).map(function (v) { return literal(v, type); });
    } else if (node.op !== "is_null" && node.op !== "is_not_null") {
      out.value = literal(node.value, type);
    }
    return out;
  }

  // ---- rendering ----
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function labelled(text, control) {
    var wrap = el("div", { "class": "field" });
    var id = nextId("in");
    control.id = id;
    wrap.appendChild(el("label", { "for": id }, text));
    wrap.appendChild(control);
    return wrap;
  }
  function select(options, current) {
    var s = el("select");
    options.forEach(function (o) {
      var option = el("option", { value: o[0] }, o[1]);
      if (o[0] === current) { option.selected = true; }
      s.appendChild(option);
    });
    return s;
  }
  function button(text, onClick, extra) {
    var b = el("button", Object.assign({ type: "button" }, extra || {}), text);
    b.addEventListener("click", onClick);
    return b;
  }

  function renderGroup(node, parent, depth) {
    var box = el("fieldset", { "class": "rb-group" + (node.negated ? " negated" : ""), "data-depth": depth,
      "data-op": node.op });
    box.appendChild(el("legend", depth === 0 ? { "class": "visually-hidden" } : {}, depth === 0 ? t.match : t.group));
    var head = el("div", { "class": "rb-head" });
    var op = select([["all", t.all], ["any", t.any]], node.op);
    op.classList.add("rb-op");
    op.addEventListener("change", function () { node.op = op.value; changed(); });
    head.appendChild(labelled(t.match, op));
    var negate = el("input", { type: "checkbox", "class": "rb-negate" });
    negate.checked = node.negated;
    negate.addEventListener("change", function () { node.negated = negate.checked; changed(); });
    var negateWrap = el("div", { "class": "check" });
    var negateId = nextId("not");
    negate.id = negateId;
    negateWrap.appendChild(negate);
    negateWrap.appendChild(el("label", { "for": negateId }, t.negate));
    head.appendChild(negateWrap);
    box.appendChild(head);
    var list = el("ol", { "class": "rb-children" });
    node.children.forEach(function (child, index) {
      var item = el("li");
      if (child.type === "group") {
        renderGroup(child, item, depth + 1);
      } else {
        renderLeaf(child, item);
      }
      item.appendChild(button(child.type === "group" ? t.removeGroup : t.remove, function () {
        node.children.splice(index, 1);
        if (node.children.length === 0) { node.children.push(newLeaf()); }
        render(); changed();
      }, { "class": "rb-remove" + (child.type === "group" ? "-group" : ""), "aria-label": (child.type === "group"
        ? t.removeGroup : t.remove) + " " + (index + 1) }));
      list.appendChild(item);
    });
    box.appendChild(list);
    var actions = el("div", { "class": "rb-actions" });
    actions.appendChild(button(t.addCondition, function () {
      node.children.push(newLeaf()); render(); changed(); focusLast(box, ".rb-field");
    }, { "class": "rb-add-condition" }));
    actions.appendChild(button(t.addGroup, function () {
      node.children.push(newGroup(node.op === "all" ? "any" : "all")); render(); changed();
    }, { "class": "rb-add-group" }));
    box.appendChild(actions);
    parent.appendChild(box);
  }

  function focusLast(box, selector) {
    var path = [];
    for (var e = box; e && e !== root; e = e.parentElement) { path.unshift(Array.prototype.indexOf.call(e.parentElement.children, e)); }
    var again = root;
    path.forEach(function (i) { again = again && again.children[i]; });
    var found = (again || root).querySelectorAll(selector);
    if (found.length) { found[found.length - 1].focus(); }
  }

  function renderLeaf(node, parent) {
    var row = el("div", { "class": "rb-condition" });
    var field = fieldOf(node.field);
    var options = catalogue.fields.map(function (f) { return [f.name, label(f)]; })
      .concat(families.map(function (f) { return ["family:" + f.key, label(f)]; }));
    var fieldSelect = select(options, node.family ? "family:" + node.family : node.field);
    fieldSelect.classList.add("rb-field");
    fieldSelect.addEventListener("change", function () {
      var chosen = fieldSelect.value;
      if (chosen.indexOf("family:") === 0) {
        node.family = chosen.substring(7);
        node.field = node.family + "_14d";
      } else {
        node.family = null;
        node.field = chosen;
      }
      var ops = fieldOf(node.field).operators;
      if (ops.indexOf(node.op) < 0) { node.op = ops[0]; }
      node.value = ""; node.from = ""; node.to = ""; node.values = ""; node.list = [];
      render(); changed(); focusSame(fieldSelect);
    });
    row.appendChild(labelled(t.field, fieldSelect));
    if (node.family) {
      var member = familyOf(node.field);
      var days = el("input", { type: "number", step: "1", min: String(member.family.min), max: String(member.family.max),
        inputmode: "numeric", dir: "ltr", "class": "rb-days" });
      days.value = String(member.days);
      days.addEventListener("input", function () {
        var n = Number(days.value);
        if (Math.floor(n) === n && n >= member.family.min && n <= member.family.max) {
          node.field = member.family.key + "_" + n + "d";
          changed();
        }
      });
      row.appendChild(labelled(t.days.replace("{0}", String(member.family.max)), days));
    }
    var opSelect = select(field.operators.map(function (c) { return [c, label(operators[c])]; }), node.op);
    opSelect.classList.add("rb-operator");
    opSelect.addEventListener("change", function () { node.op = opSelect.value; render(); changed(); focusSame(opSelect); });
    row.appendChild(labelled(t.operator, opSelect));
    if (node.op === "between") {
      row.appendChild(labelled(t.from, valueInput(field, node, "from")));
      row.appendChild(labelled(t.to, valueInput(field, node, "to")));
    } else if (node.op === "in" && choicesOf(field)) {
      row.appendChild(choiceList(choicesOf(field), node));
    } else if (node.op === "in") {
      var values = el("input", { type: "text", "class": "rb-values", placeholder: t.valuesHint });
      values.value = node.values;
      values.addEventListener("input", function () { node.values = values.value; changed(); });
      row.appendChild(labelled(t.values, values));
    } else if (node.op !== "is_null" && node.op !== "is_not_null") {
      row.appendChild(labelled(t.value, valueInput(field, node, "value")));
    }
    parent.appendChild(row);
  }

  // After a re-render, focus the control that stands where the changed one stood.
  function focusSame(control) {
    var cls = control.classList.contains("rb-field") ? ".rb-field" : ".rb-operator";
    var all = Array.prototype.slice.call(document.querySelectorAll(cls));
    var index = Number(control.dataset.index || -1);
    if (index >= 0 && all[index]) { all[index].focus(); }
  }

  // One checkbox per choice (and per chosen value no longer among them), for "in".
  function choiceList(choices, node) {
    var box = el("fieldset", { "class": "rb-choices field" });
    box.appendChild(el("legend", {}, t.values));
    var all = choices.concat(node.list.filter(function (v) { return choices.indexOf(v) < 0; }));
    all.forEach(function (value) {
      var wrap = el("div", { "class": "check" });
      var box1 = el("input", { type: "checkbox", "class": "rb-choice", value: value });
      box1.id = nextId("choice");
      box1.checked = node.list.indexOf(value) >= 0;
      box1.addEventListener("change", function () {
        node.list = all.filter(function (v) {
          return v === value ? box1.checked : node.list.indexOf(v) >= 0;
        });
        changed();
      });
      wrap.appendChild(box1);
      wrap.appendChild(el("label", { "for": box1.id, translate: "no", dir: "auto" }, value));
      box.appendChild(wrap);
    });
    return box;
  }

  function valueInput(field, node, key) {
    var input;
    var choices = choicesOf(field);
    if (choices) {
      // the store's own words: never translated; a value no longer among them stays, so nothing is lost
      var known = choices.concat(node[key] !== "" && choices.indexOf(node[key]) < 0 ? [node[key]] : []);
      input = select([["", "—"]].concat(known.map(function (v) { return [v, v]; })), node[key]);
      input.setAttribute("translate", "no");
      input.setAttribute("dir", "auto");
    } else if (field.type === "enum") {
      input = select([["", "—"]].concat(field.allowed_values.map(function (v) { return [v, v]; })), node[key]);
    } else if (field.type === "group") {
      input = select([["", "—"]].concat(catalogue.groups.map(function (g) { return [g.key, g.name + " (" + g.key + ")"]; })), node[key]);
    } else if (NUMERIC.indexOf(field.type) >= 0) {
      input = el("input", { type: "number", step: field.type === "integer" ? "1" : "any", inputmode: "decimal", dir: "ltr" });
      input.value = node[key];
    } else {
      input = el("input", { type: "text", dir: "ltr" });
      if (TEMPORAL.indexOf(field.type) >= 0) { input.setAttribute("placeholder", t.dateHint); input.setAttribute("list", "rb-dates"); }
      input.value = node[key];
    }
    input.classList.add("rb-value");
    input.addEventListener(input.tagName === "SELECT" ? "change" : "input", function () { node[key] = input.value; changed(); });
    return input;
  }

  function render() {
    root.textContent = "";
    renderGroup(model, root, 0);
    ["rb-field", "rb-operator"].forEach(function (cls) {
      Array.prototype.forEach.call(root.querySelectorAll("." + cls), function (e, i) { e.dataset.index = i; });
    });
    var dates = el("datalist", { id: "rb-dates" });
    ["today", "-30d", "-90d", "-365d", "+7d"].forEach(function (d) { dates.appendChild(el("option", { value: d })); });
    root.appendChild(dates);
  }

  // ---- the server: check, count, convert ----
  function check(body, done) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (header && token) { headers[header.content] = token.content; }
    sequence += 1;
    var mine = sequence;
    countBox.textContent = t.checking;
    var url = form.getAttribute("data-check");
    var request = { method: "POST", headers: headers, body: JSON.stringify(body), credentials: "same-origin" };
    if (form.dataset.checkMethod === "get") {
      // A page that only reads (the customers' filter) checks with a GET, which every role may send.
      url += "?" + (body.rule !== undefined ? "rule=" + encodeURIComponent(body.rule)
        : "rule_json=" + encodeURIComponent(JSON.stringify(body.rule_json)));
      request = { method: "GET", headers: { "Accept": "application/json" }, credentials: "same-origin" };
    }
    fetch(url, request)
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (answer) { if (mine === sequence) { show(answer); if (done) { done(answer); } } })
      .catch(function () { if (mine === sequence) { countBox.textContent = ""; } });
  }
  function show(answer) {
    if (answer.ok) {
      errorBox.textContent = "";
      delete errorBox.dataset.line; delete errorBox.dataset.column;
      textarea.removeAttribute("aria-invalid");
      countBox.dataset.count = answer.count;
      countBox.textContent = t.count.replace("{0}", answer.count.toLocaleString(arabic ? "ar-SA-u-nu-latn" : "en"));
      if (form.dataset.syncText === "true" && modeInput.value === "builder" && textarea.value !== answer.rule) {
        // The page filters by the rule's text: the builder keeps it current and tells the page it changed.
        textarea.value = answer.rule;
        textarea.dispatchEvent(new Event("change", { bubbles: true }));
      }
    } else {
      countBox.textContent = "";
      countBox.dataset.count = "";
      errorBox.textContent = answer.message;
      if (answer.line) {
        errorBox.dataset.line = answer.line; errorBox.dataset.column = answer.column;
        textarea.setAttribute("aria-invalid", "true");
      }
    }
  }
  function changed() {
    var json = toJson(model);
    ruleJson.value = JSON.stringify(json);
    clearTimeout(pending);
    pending = setTimeout(function () { check({ rule_json: json }); }, 250);
  }

  function setMode(mode) {
    var builder = mode === "builder";
    modeInput.value = mode;
    root.hidden = !builder;
    textMode.hidden = builder;
    builderButton.setAttribute("aria-pressed", String(builder));
    textButton.setAttribute("aria-pressed", String(!builder));
  }
  function toText() {
    clearTimeout(pending);
    check({ rule_json: toJson(model) }, function (answer) {
      if (answer.ok) { textarea.value = answer.rule; setMode("text"); textarea.focus(); }
    });
  }
  function toBuilder(focus) {
    clearTimeout(pending);
    if (textarea.value.trim() === "") {
      model = newGroup("all"); render(); setMode("builder"); changed(); return;
    }
    check({ rule: textarea.value }, function (answer) {
      if (!answer.ok) { setMode("text"); return; }
      model = fromJson(answer.rule_json);
      if (model.type !== "group") { model = { type: "group", op: "all", negated: false, children: [model] }; }
      render(); setMode("builder");
      ruleJson.value = JSON.stringify(answer.rule_json);
      if (focus) { var first = root.querySelector("select"); if (first) { first.focus(); } }
    });
  }

  builderButton.hidden = false;
  textButton.hidden = false;
  builderButton.addEventListener("click", function () { if (modeInput.value !== "builder") { toBuilder(true); } });
  textButton.addEventListener("click", function () { if (modeInput.value !== "text") { toText(); } });
  textarea.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { check({ rule: textarea.value }); }, 300);
  });
  if (textarea.value.trim() !== "" && !document.getElementById("save-error")) {
    toBuilder(false);
  } else if (textarea.value.trim() !== "") {
    check({ rule: textarea.value });
  }
}());
