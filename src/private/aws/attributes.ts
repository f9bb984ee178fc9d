/**
 * The arguments our resource and data source classes set, described once per class as a table and written both as
 * Terraform JSON (`synthesizeAttributes`) and as the HCL model of `cdktf synth --hcl` (`synthesizeHclAttributes`),
 * with the core's own converters: the same ones the provider packages' generated classes call.
 *
 * The tables are module constants walked with plain loops: synthesis allocates only its result.
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
import { ArgumentLimits } from './argument-table';

/** The Terraform type of an argument. */
export type Kind = 'string' | 'number' | 'stringSet' | 'stringMap' | 'block' | 'blockList';

/**
 * One argument of a class: its Terraform (snake_case) name, its type, where its value is in the config, and its
 * limits (the entry of `argument-table.ts`: provider validator, API constraint, the library's own rule).
 */
export interface Argument<C> {
  readonly name: string;
  readonly kind: Kind;
  /**
   * The value, `undefined` when not set; for a block, the object its own arguments read from; for a block list,
   * the array of such objects.
   */
  readonly value: (config: C) => any;
  /** A nested block given once (`max_items = 1`, written as a list of one object), or each block of a list: its arguments. */
  readonly block?: readonly Argument<any>[];
  /** The core's HCL storage class of a block. */
  readonly storageClassType?: string;
  /** The argument's limits. Read by the validators at construction, never while synthesizing. */
  readonly limits: ArgumentLimits;
}

const stringSetToTerraform = listMapper(stringToTerraform, false);
const stringMapToTerraform = hashMapper(stringToTerraform);
const stringSetToHcl = listMapperHcl(stringToHclTerraform, false);
const stringMapToHcl = hashMapperHcl(stringToHclTerraform);

function jsonValue(arg: Argument<any>, value: any): any {
  switch (arg.kind) {
    case 'string': return stringToTerraform(value);
    case 'number': return numberToTerraform(value);
    case 'stringSet': return stringSetToTerraform(value);
    case 'stringMap': return stringMapToTerraform(value);
    case 'block': return value === undefined ? undefined : [toJson(arg.block!, value)];
    case 'blockList': return value === undefined ? undefined : blockListToJson(arg.block!, value);
  }
}

function blockListToJson(block: readonly Argument<any>[], items: readonly any[]): any[] {
  const out = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = toJson(block, items[i]);
  return out;
}

function blockListToHcl(block: readonly Argument<any>[], items: readonly any[]): any[] {
  const out = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = toHcl(block, items[i]);
  return out;
}

/** The arguments as Terraform JSON. */
export function toJson<C>(args: readonly Argument<C>[], config: C): { [name: string]: any } {
  const out: { [name: string]: any } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    out[arg.name] = jsonValue(arg, arg.value(config));
  }
  return out;
}

function hclAttribute(arg: Argument<any>, value: any): any {
  switch (arg.kind) {
    case 'string': return { value: stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' };
    case 'number': return { value: numberToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'number' };
    case 'stringSet': return { value: stringSetToHcl(value), isBlock: false, type: 'set', storageClassType: 'stringList' };
    case 'stringMap': return { value: stringMapToHcl(value), isBlock: false, type: 'map', storageClassType: 'stringMap' };
    case 'block':
    case 'blockList': return {
      value: value === undefined ? undefined : arg.kind === 'block' ? [toHcl(arg.block!, value)] : blockListToHcl(arg.block!, value),
      isBlock: true,
      type: 'list',
      storageClassType: arg.storageClassType,
    };
  }
}

/** The arguments in the core's HCL model; unset ones are left out, as the core expects. */
export function toHcl<C>(args: readonly Argument<C>[], config: C): { [name: string]: any } {
  const out: { [name: string]: any } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const attribute = hclAttribute(arg, arg.value(config));
    if (attribute.value !== undefined) out[arg.name] = attribute;
  }
  return out;
}
