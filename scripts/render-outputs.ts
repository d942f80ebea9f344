/**
 * Renders a CloudFormation output value for people: literal strings as they
 * are, `Fn::Join` joined, and references shown as `<Ref>` / `<Res.Attr>`.
 */
export function renderCfnValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(renderCfnValue).join(',');
  if (value && typeof value === 'object') {
    const [fn, arg] = Object.entries(value as Record<string, any>)[0] ?? [];
    if (fn === 'Fn::Join') return (arg[1] as unknown[]).map(renderCfnValue).join(arg[0]);
    if (fn === 'Ref') return `<${arg}>`;
    if (fn === 'Fn::GetAtt') return `<${Array.isArray(arg) ? arg.join('.') : arg}>`;
    return `<${fn} ${JSON.stringify(arg)}>`;
  }
  return String(value);
}
