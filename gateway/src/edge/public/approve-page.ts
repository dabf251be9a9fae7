import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

// The customer's approval page (`GET /approve/<token>`): one small HTML document, its style and
// script inline under a nonce, nothing loaded from anywhere else. The script reads the estimate
// from `/public/estimates/<token>` (the token is taken from the address, never written into the
// page), shows each proposed line with its price and an approve/decline choice, keeps the new
// total up to date as the customer chooses (cents and BigInt, half-up, tax once on the sum: the
// rules of common/src/contract/money.ts), and posts the decisions with the typed name.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f5f7}
header{background:#1d3557;color:#fff;padding:16px 20px}
header h1{margin:0;font-size:1.15rem;font-weight:600}
main{max-width:560px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:10px;padding:16px;margin:0 0 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:1.2rem;margin:0 0 4px}
.muted{color:#5c6670;font-size:.9rem;margin:0}
ul{list-style:none;margin:0;padding:0}
li.line{border-top:1px solid #e4e7eb;padding:12px 0}
li.line:first-child{border-top:0}
.row{display:flex;justify-content:space-between;gap:12px;align-items:baseline}
.price{font-variant-numeric:tabular-nums;white-space:nowrap;font-weight:600}
.choices{display:flex;gap:8px;margin-top:8px}
.choices label{flex:1;display:flex;align-items:center;justify-content:center;gap:6px;border:1px solid #c5ccd3;border-radius:8px;padding:10px;min-height:44px;cursor:pointer}
.choices input{width:20px;height:20px;margin:0}
.status{font-size:.85rem;color:#5c6670}
.totals .row{padding:3px 0}
.totals .grand{font-size:1.15rem;border-top:1px solid #e4e7eb;margin-top:6px;padding-top:8px}
label.name{display:block;font-weight:600;margin-bottom:6px}
input[type=text]{width:100%;font:inherit;padding:12px;border:1px solid #c5ccd3;border-radius:8px;min-height:44px}
button{width:100%;font:inherit;font-weight:600;color:#fff;background:#1b6f64;border:0;border-radius:8px;padding:14px;min-height:48px;margin-top:12px;cursor:pointer}
button:disabled{background:#9aa5ae;cursor:default}
.error{color:#b3261e;margin:8px 0 0}
.finding{border-top:1px solid #e4e7eb;padding:10px 0}
.finding:first-child{border-top:0}
.cond{display:inline-block;font-size:.85rem;font-weight:600;padding:2px 10px;border-radius:12px;white-space:nowrap}
.cond.green{background:#e3f3e8;color:#14532b}
.cond.yellow{background:#fff1c7;color:#5c3f00}
.cond.red{background:#fde2e0;color:#8e1c1c}
.photos{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.photos a{display:block;width:96px;height:96px;border-radius:6px;overflow:hidden;border:1px solid #c5ccd3}
.photos img{width:100%;height:100%;object-fit:cover;display:block}
`;

const SCRIPT = `
(function () {
  'use strict';
  var root = document.getElementById('estimate');
  var token = location.pathname.split('/').filter(Boolean)[1] || '';
  var api = '/public/estimates/' + encodeURIComponent(token);
  var money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'className') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function cents(amount) { return BigInt(Math.round(amount * 100)); }
  function show(value) { return money.format(Number(value) / 100); }
  function say(title, text) {
    root.textContent = '';
    root.appendChild(el('section', { className: 'card' }, [el('h2', { text: title }), el('p', { text: text })]));
  }
  function failed(status) {
    if (status === 404) say('This link is not valid', 'Please check the address, or ask your service advisor for a new link.');
    else if (status === 410) say('This link has expired', 'Please ask your service advisor to send you a new one.');
    else if (status === 429) say('Please wait a minute', 'Too many requests came from your network. Try again shortly.');
    else say('Something went wrong', 'We could not reach the service department. Please try again shortly.');
  }
  var conditions = { green: 'Good', yellow: 'Needs attention soon', red: 'Needs attention now' };
  var rank = { red: 0, yellow: 1, green: 2 };
  var labels = { approved: 'Approved', declined: 'Declined', done: 'Done', proposed: 'Waiting for your decision' };
  function render(estimate, taxRate) {
    var choices = {};
    var taxUnits = BigInt(Math.round(taxRate * 1000));
    var proposed = estimate.lines.filter(function (line) { return line.status === 'proposed'; });
    var billed = estimate.lines.filter(function (line) { return line.status === 'approved' || line.status === 'done'; });
    var newTotal = el('span', { className: 'price' });
    var newTax = el('span', { className: 'price' });
    function update() {
      var sub = billed.reduce(function (sum, line) { return sum + cents(line.amount); }, 0n);
      proposed.forEach(function (line) { if (choices[line.id] === true) sub += cents(line.amount); });
      var tax = (sub * taxUnits * 2n + 100000n) / 200000n;
      newTax.textContent = show(tax);
      newTotal.textContent = show(sub + tax);
    }
    root.textContent = '';
    root.appendChild(el('section', { className: 'card' }, [
      el('h2', { text: estimate.vehicle || 'Your vehicle' }),
      el('p', { className: 'muted', text: 'VIN ' + estimate.vin }),
      el('p', { className: 'muted', text: 'Estimate for ' + estimate.customer.name })
    ]));
    // What the technician found, what needs work first, each finding's photos (served through this link).
    var found = (estimate.inspection || []).slice().sort(function (a, b) { return rank[a.condition] - rank[b.condition] || a.id - b.id; });
    if (found.length > 0) {
      root.appendChild(el('section', { className: 'card', 'aria-labelledby': 'inspection-heading' }, [
        el('h2', { id: 'inspection-heading', text: 'What we found' }),
        el('ul', {}, found.map(function (item) {
          return el('li', { className: 'finding' }, [
            el('div', { className: 'row' }, [el('strong', { text: item.name }), el('span', { className: 'cond ' + item.condition, text: conditions[item.condition] || item.condition })]),
            item.note ? el('p', { className: 'muted', text: item.note }) : null,
            item.photos.length ? el('div', { className: 'photos' }, item.photos.map(function (photo, index) {
              var alt = item.name + ', photo ' + (index + 1) + ' of ' + item.photos.length;
              return el('a', { href: photo.url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': alt + ' (opens full size)' }, [
                el('img', { src: photo.thumbnail_url, alt: alt, width: '96', height: '96', loading: 'lazy' })
              ]);
            })) : null
          ]);
        }))
      ]));
    }
    var items = estimate.lines.map(function (line) {
      var head = el('div', { className: 'row' }, [el('span', { text: line.description }), el('span', { className: 'price', text: money.format(line.amount) })]);
      if (line.status !== 'proposed') {
        return el('li', { className: 'line' }, [head, el('div', { className: 'status', text: labels[line.status] || line.status })]);
      }
      function choice(value, text) {
        var input = el('input', { type: 'radio', name: 'line-' + line.id, value: value });
        input.addEventListener('change', function () { choices[line.id] = value === 'yes'; update(); });
        return el('label', {}, [input, el('span', { text: text })]);
      }
      return el('li', { className: 'line' }, [head, el('div', { className: 'choices' }, [choice('yes', 'Approve'), choice('no', 'Decline')])]);
    });
    root.appendChild(el('section', { className: 'card' }, [el('h2', { text: 'Recommended work' }), el('ul', {}, items)]));
    root.appendChild(el('section', { className: 'card totals' }, [
      el('div', { className: 'row' }, [el('span', { text: 'Tax' }), newTax]),
      el('div', { className: 'row grand' }, [el('strong', { text: 'New total' }), newTotal])
    ]));
    update();
    if (proposed.length === 0) {
      root.appendChild(el('section', { className: 'card' }, [el('p', { text: 'Every line is decided. Thank you.' })]));
      return;
    }
    var name = el('input', { type: 'text', id: 'name', autocomplete: 'name', maxlength: '100', required: 'required' });
    var error = el('p', { className: 'error', role: 'alert' });
    var button = el('button', { type: 'button', text: 'Send my decisions' });
    button.addEventListener('click', function () {
      var decisions = proposed.filter(function (line) { return line.id in choices; }).map(function (line) { return { line: line.id, approved: choices[line.id] }; });
      if (decisions.length === 0) { error.textContent = 'Choose approve or decline for at least one line.'; return; }
      if (!name.value.trim()) { error.textContent = 'Type your name to confirm.'; name.focus(); return; }
      error.textContent = '';
      button.disabled = true;
      fetch(api, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CarCar-CSRF': '1' },
        body: JSON.stringify({ decisions: decisions, name: name.value.trim() })
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          if (res.ok) {
            root.textContent = '';
            root.appendChild(el('section', { className: 'card' }, [
              el('h2', { text: 'Thank you, ' + name.value.trim() }),
              el('p', { text: 'We have your decisions. Your new total is ' + money.format(body.totals.total) + '.' }),
              el('ul', {}, body.lines.map(function (line) {
                return el('li', { className: 'line' }, [el('div', { className: 'row' }, [el('span', { text: line.description }), el('span', { className: 'status', text: labels[line.status] || line.status })])]);
              }))
            ]));
          } else if (res.status === 409) {
            error.textContent = 'Some of these lines were already decided. The page shows them as they are now.';
            load();
          } else if (res.status === 400) {
            error.textContent = (body.errors && body.errors[0] && body.errors[0].message) || 'Please check your choices.';
            button.disabled = false;
          } else {
            failed(res.status);
          }
        });
      }).catch(function () { error.textContent = 'We could not send your decisions. Please try again.'; button.disabled = false; });
    });
    root.appendChild(el('section', { className: 'card' }, [
      el('label', { className: 'name', for: 'name', text: 'Your name' }), name, button, error
    ]));
  }
  function load() {
    fetch(api, { headers: { Accept: 'application/json' } }).then(function (res) {
      if (!res.ok) { failed(res.status); return; }
      var taxRate = Number(res.headers.get('X-CarCar-Tax-Rate') || '0');
      return res.json().then(function (estimate) { render(estimate, taxRate); });
    }).catch(function () { failed(0); });
  }
  load();
})();
`;

/** Sends the page with its own strict policy: only its inline style and script, calls to this origin. */
export function approvePage(res: Response, dealershipName: string): void {
  const nonce = randomBytes(16).toString('base64');
  const name = escapeHtml(dealershipName);
  res
    .status(200)
    .type('html')
    .set({
      'Content-Security-Policy': [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        "connect-src 'self'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
      'Cache-Control': 'no-store',
      // The address holds the token: it must not leave in a Referer.
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
    })
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta name="robots" content="noindex, nofollow">` +
        `<title>Your estimate from ${name}</title><style nonce="${nonce}">${STYLE}</style></head>` +
        `<body><header><h1>${name}</h1></header><main><div id="estimate" aria-live="polite">` +
        `<section class="card"><p>Loading your estimate…</p></section></div>` +
        `<noscript><p>Please turn on JavaScript to review your estimate, or call us.</p></noscript></main>` +
        `<script nonce="${nonce}">${SCRIPT}</script></body></html>`,
    );
}
