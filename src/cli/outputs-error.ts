import { CliError } from './io';

/** A bad or unreadable outputs file, or an output a command needs that is not there. */
export class OutputsError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputsError';
  }
}

/** The two ways to get an outputs file, for the fix part of messages. */
export const OUTPUTS_FILE_HOWTO = "'cdk deploy --outputs-file <file>', 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>'";
