/**
 * The arguments our resource and data source classes set, described once and written both as Terraform JSON
 * (`synthesizeAttributes`) and as the HCL model of `cdktf synth --hcl` (`synthesizeHclAttributes`), with the
 * core's own converters: the same ones the provider packages' generated classes call.
 */
import {
  hashMapper,
  hashMapperHcl,
  listMapper,
  listMapperHcl,
  numberToHclTerraform,
  numberToTerraform,
  stringToHclTerraform,
  stringToTerraform,
} from 'cdktf';

/** One argument: its Terraform type and value (undefined: not set). */
export type Argument =
  | { readonly kind: 'string'; readonly value: string | undefined }
  | { readonly kind: 'number'; readonly value: number | undefined }
  | { readonly kind: 'stringSet'; readonly value: string[] | undefined }
  | { readonly kind: 'stringMap'; readonly value: { [key: string]: string } | undefined }
  /** A nested block given once (`max_items = 1`), written as a list of one object. */
  | { readonly kind: 'block'; readonly value: Arguments | undefined; readonly storageClassType: string };

/** Arguments by their Terraform (snake_case) name. */
export type Arguments = { readonly [name: string]: Argument };

export const str = (value: string | undefined): Argument => ({ kind: 'string', value });
export const num = (value: number | undefined): Argument => ({ kind: 'number', value });
export const stringSet = (value: string[] | undefined): Argument => ({ kind: 'stringSet', value });
export const stringMap = (value: { [key: string]: string } | undefined): Argument => ({ kind: 'stringMap', value });
export const block = (storageClassType: string, value: Arguments | undefined): Argument =>
  ({ kind: 'block', value, storageClassType });

function jsonValue(arg: Argument): unknown {
  switch (arg.kind) {
    case 'string': return stringToTerraform(arg.value);
    case 'number': return numberToTerraform(arg.value);
    case 'stringSet': return listMapper(stringToTerraform, false)(arg.value);
    case 'stringMap': return hashMapper(stringToTerraform)(arg.value);
    case 'block': return arg.value === undefined ? undefined : [toJson(arg.value)];
  }
}

/** The arguments as Terraform JSON. */
export function toJson(args: Arguments): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = {};
  for (const [name, arg] of Object.entries(args)) out[name] = jsonValue(arg);
  return out;
}

interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}

function hclAttribute(arg: Argument): HclAttribute {
  switch (arg.kind) {
    case 'string': return { value: stringToHclTerraform(arg.value), isBlock: false, type: 'simple', storageClassType: 'string' };
    case 'number': return { value: numberToHclTerraform(arg.value), isBlock: false, type: 'simple', storageClassType: 'number' };
    case 'stringSet': return { value: listMapperHcl(stringToHclTerraform, false)(arg.value), isBlock: false, type: 'set', storageClassType: 'stringList' };
    case 'stringMap': return { value: hashMapperHcl(stringToHclTerraform)(arg.value), isBlock: false, type: 'map', storageClassType: 'stringMap' };
    case 'block': return {
      value: arg.value === undefined ? undefined : [toHcl(arg.value)],
      isBlock: true,
      type: 'list',
      storageClassType: arg.storageClassType,
    };
  }
}

/** The arguments in the core's HCL model; unset ones are left out, as the core expects. */
export function toHcl(args: Arguments): { [name: string]: HclAttribute } {
  const out: { [name: string]: HclAttribute } = {};
  for (const [name, arg] of Object.entries(args)) {
    const attribute = hclAttribute(arg);
    if (attribute.value !== undefined) out[name] = attribute;
  }
  return out;
}
