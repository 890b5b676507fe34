/**
 * Plain share links: each opens the network's own page with the text and address filled in.
 * No scripts from those networks and no tracking parameters.
 */
export interface ShareLink {
  /** Network name, or the UI string key for e-mail. */
  name: string;
  href: string;
}

export function shareLinks(pageUrl: string, text: string, title: string, emailLabel: string): ShareLink[] {
  const u = encodeURIComponent(pageUrl);
  const both = encodeURIComponent(`${text} ${pageUrl}`);
  return [
    { name: "WhatsApp", href: `https://wa.me/?text=${both}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "X", href: `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: "Telegram", href: `https://t.me/share/url?url=${u}&text=${encodeURIComponent(text)}` },
    { name: emailLabel, href: `mailto:?subject=${encodeURIComponent(title)}&body=${both}` },
  ];
}
