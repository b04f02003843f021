/** Response schemas shared by routes: the one error shape of the public contract. */
import { Type } from '@sinclair/typebox';

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), requestId: Type.String() }),
});
