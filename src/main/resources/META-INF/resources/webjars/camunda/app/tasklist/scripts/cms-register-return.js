// CMS Partnerships: a register page (/register/...) that needs a login sends the user to this login
// page with the cookie "cms-register-return" naming the page. Once logged in, go back there.
// Only register pages are accepted as a target, so the cookie cannot send anyone elsewhere.
const COOKIE = 'cms-register-return';

function target() {
  const entry = document.cookie.split('; ').find(c => c.startsWith(COOKIE + '='));
  if (!entry) {
    return null;
  }
  const path = decodeURIComponent(entry.substring(COOKIE.length + 1));
  return /^\/register(\/|$|\?)/.test(path) ? path : null;
}

function forget() {
  document.cookie = COOKIE + '=; Path=/; Max-Age=0; SameSite=Lax';
}

async function returnIfLoggedIn() {
  const path = target();
  if (!path || window.location.hash.startsWith('#/login')) {
    return;
  }
  const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
  if (response.ok) {
    forget();
    window.location.assign(path);
  }
}

window.addEventListener('hashchange', returnIfLoggedIn);
returnIfLoggedIn();

export default [];
