/** The failure converter module, from sources or from dist/ (the bundler and clients load it by path). */
export function failureConverterPath(): string {
  return require.resolve('./failure-converter');
}
