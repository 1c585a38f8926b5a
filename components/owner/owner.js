// The browser's owner token for ClaimScope's store: unguessable, nothing personal. Kept in
// localStorage and in a cookie (which the server reads when a session starts, so a reload
// needs no round trip). The server proposes a fresh token (`data.token`); a browser that
// already has one sends its own back instead.
const COOKIE = "claimscope_owner";
const STORAGE_KEY = "claimscope-owner";
const TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
const YEAR_S = 400 * 24 * 3600; // browsers cap a cookie's life at about 400 days

function fromCookie() {
  const pair = document.cookie.split("; ").find((c) => c.startsWith(`${COOKIE}=`));
  return pair ? pair.slice(COOKIE.length + 1) : null;
}

function fromStorage() {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the cookie alone keeps the token
  }
}

function keep(token) {
  try {
    window.localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // storage blocked: the cookie alone keeps the token
  }
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${COOKIE}=${token}; Max-Age=${YEAR_S}; Path=/; SameSite=Strict${secure}`;
}

export default function ({ data, setStateValue }) {
  const token = [fromStorage(), fromCookie()].find((t) => t && TOKEN.test(t)) || data.token;
  keep(token);
  if (token !== data.token) {
    setStateValue("token", token);
  }
}
