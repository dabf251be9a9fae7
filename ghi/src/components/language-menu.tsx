import { NativeSelect } from '@mantine/core';
import { currentLanguage, type Language, languageNames, languages, setLanguage, useTranslation } from '../lib/i18n';

/** The user's language, remembered on this browser; each language named in itself. */
export function LanguageMenu() {
  // useTranslation re-renders this on every change of language, so the menu shows the one in use.
  const { t } = useTranslation();
  const shown = currentLanguage();
  return (
    <NativeSelect
      className="language-menu"
      // The menu is named "Language" for a screen reader; sighted users see the language's own name.
      label={t('common:account.language')}
      labelProps={{ className: 'visually-hidden' }}
      value={shown}
      onChange={(event) => void setLanguage(event.currentTarget.value as Language)}
    >
      {languages.map((language) => (
        <option key={language} value={language} lang={language}>
          {languageNames[language]}
        </option>
      ))}
    </NativeSelect>
  );
}
