// The chooser's 'new guide' button: asks the server to write the starter under the name given.
document.getElementById('new').addEventListener('click', async () => {
  const name = document.getElementById('new-name').value;
  const r = await fetch('new', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({name})});
  const data = await r.json();
  if (r.ok) location.href = data.url;
  else document.getElementById('new-problem').textContent = data.problems.join('\n');
});
