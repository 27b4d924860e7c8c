import { useEffect, useState } from 'react';

/** A small history router for /console/*: the app has a handful of screens, no library needed. */
export function navigate(to: string) {
  window.history.pushState(null, '', `/console${to}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): { path: string; query: URLSearchParams } {
  const read = () => ({
    path: window.location.pathname.replace(/^\/console/, '') || '/',
    query: new URLSearchParams(window.location.search),
  });
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return route;
}

/** A link that stays in the app (and still works as a link: middle-click, keyboard). */
export function linkProps(to: string) {
  return {
    href: `/console${to}`,
    onClick: (e: { preventDefault: () => void; ctrlKey?: boolean; metaKey?: boolean }) => {
      if (e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      navigate(to);
    },
  };
}
