// CMS Partnerships: a "Register" tab on Cockpit's process instance view. It shows the status and the
// status history of the agreement, joint work plan or COP report the instance works on, as the register holds them,
// with a link to its page. It reads /api/register-subject with the Cockpit login (session cookie), so
// what it shows follows the same rules as the register pages.

function text(tag, value, className) {
  const element = document.createElement(tag);
  element.textContent = value == null ? '' : String(value);
  if (className) {
    element.className = className;
  }
  return element;
}

function label(code) {
  if (!code) {
    return '—';
  }
  const words = code.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function when(iso) {
  return iso ? iso.replace('T', ' ').substring(0, 16) : '';
}

async function show(node, processInstanceId) {
  node.replaceChildren(text('p', 'Loading the register…'));
  const response = await fetch('/api/register-subject?processInstanceId=' + encodeURIComponent(processInstanceId),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    node.replaceChildren(text('p', problem.detail || 'The register has nothing to show for this instance.'));
    return;
  }
  const subject = await response.json();
  const heading = text('h3', subject.kind + ' ' + subject.reference + ': ' + label(subject.status));
  const intro = document.createElement('p');
  intro.append(text('span', subject.title + (subject.partner ? ' (' + subject.partner + ')' : '') + '. '));
  const link = text('a', 'Open its page in the register');
  link.href = subject.page;
  intro.append(link);

  const table = document.createElement('table');
  table.className = 'cam-table';
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  ['When (UTC)', 'From', 'To', 'By', 'Why'].forEach(h => {
    const th = text('th', h);
    th.scope = 'col';
    headRow.append(th);
  });
  head.append(headRow);
  const body = document.createElement('tbody');
  (subject.history || []).slice().reverse().forEach(line => {
    const row = document.createElement('tr');
    [when(line.at), label(line.from), label(line.to), line.by, line.why].forEach(v => row.append(text('td', v)));
    body.append(row);
  });
  table.append(head, body);
  node.replaceChildren(heading, intro, text('p', 'Status history, newest first'), table);
}

export default {
  id: 'cms-register-status',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: { label: 'Register' },
  render: (node, { processInstanceId }) => {
    show(node, processInstanceId).catch(error => node.replaceChildren(text('p', 'The register could not be read: ' + error)));
  }
};
