import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Noto Sans SC (SIL OFL), shipped as TTF in an npm package so PDFs embed a CJK font on any machine. */
export const CJK_FONT = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};
