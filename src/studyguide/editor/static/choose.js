// The chooser's 'new guide' button: asks the server to write the starter under the name given.
// Enter in the name box does the same, as a teacher expects of a box with a button beside it.
document.getElementById('new-name').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.isComposing) {
    event.preventDefault();
    document.getElementById('new').click();
  }
});
document.getElementById('new').addEventListener('click', async () => {
  const name = document.getElementById('new-name').value;
  const r = await fetch('new', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({name})});
  const data = await r.json();
  if (r.ok) location.href = data.url;
  else document.getElementById('new-problem').textContent = data.problems.join('\n');
});
