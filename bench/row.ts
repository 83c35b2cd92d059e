/** One figure of the bench's table: what was measured, its unit and budget, and whether it is within it. */
export interface Row { what: string; measured: number; unit: string; budget: number; pass: boolean; note?: string }
