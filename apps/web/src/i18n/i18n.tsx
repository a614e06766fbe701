import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'vi' | 'en';
const LANG_KEY = 'vinhdanh.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A UI text by key, with {name} placeholders filled. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Text that arrives in both languages from the API (errors, notifications, reasons). */
  pick(vi: string | undefined | null, en: string | undefined | null): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
    return {
      lang,
      setLang,
      t: (key, params) => {
        const text = MESSAGES[key][lang === 'vi' ? 0 : 1];
        return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : text;
      },
      pick: (vi, en) => (lang === 'vi' ? vi ?? en : en ?? vi) ?? '',
      date: (iso) => (iso ? new Date(iso.length === 10 ? `${iso}T00:00:00` : iso).toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }) : '—'),
      dateTime: (iso) => (iso ? new Date(iso).toLocaleString(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—'),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
