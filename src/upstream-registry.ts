/** placeholder */
export class Placeholder {}
