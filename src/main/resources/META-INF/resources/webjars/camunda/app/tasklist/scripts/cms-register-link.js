// CMS Partnerships: on every task of the task list, a link to the page of the agreement or joint work
// plan the task is about (one click from a task to everything the register knows about it). It reads
// /api/register-subject with the Tasklist login (session cookie); a task about no register record shows
// nothing.

export default {
  id: 'cms-register-link',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, { taskId }) => {
    fetch('/api/register-subject?taskId=' + encodeURIComponent(taskId),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(subject => {
        if (!subject) {
          return;
        }
        const link = document.createElement('a');
        link.href = subject.page;
        link.className = 'cms-register-link';
        link.textContent = subject.kind + ' ' + subject.reference + ' in the register';
        // The card itself selects the task: a click on the link opens the register page instead.
        link.addEventListener('click', event => event.stopPropagation());
        node.replaceChildren(link);
      })
      .catch(() => node.replaceChildren());
  }
};
