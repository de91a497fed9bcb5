// Wanneer ben ik aan de beurt? Filters the planning table by village, district or municipality.
// Progressive enhancement: without JavaScript the whole table is shown and the search field stays hidden.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('zoeken');
  const input = document.getElementById('zoekterm');
  const status = document.getElementById('aantal');
  const rows = Array.from(document.querySelectorAll('#planning tbody tr'));
  if (!form || !input || !status || rows.length === 0) {
    return;
  }

  const normalise = (text) => text.toLocaleLowerCase('nl').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '').trim();

  const filter = () => {
    const term = normalise(input.value);
    let shown = 0;
    for (const row of rows) {
      const cells = row.querySelectorAll('td, th');
      const place = normalise(cells[0].textContent + ' ' + cells[1].textContent);
      const match = term === '' || place.includes(term);
      row.hidden = !match;
      if (match) {
        shown++;
      }
    }
    if (term === '') {
      status.textContent = '';
    } else if (shown === 0) {
      status.textContent = 'Geen dorp of wijk gevonden. Staat uw dorp er niet bij? Vraag het uw bewonersbegeleider.';
    } else {
      status.textContent = shown === 1 ? '1 dorp of wijk gevonden.' : shown + ' dorpen of wijken gevonden.';
    }
  };

  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('input', filter);
});
