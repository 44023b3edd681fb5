#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# mail_text.py FILE.eml [HEADER]: print the decoded text/plain body of an
# e-mail as a mail client reads it (or, with HEADER, that header's value).
import email
import email.policy
import sys

with open(sys.argv[1], 'rb') as f:
    m = email.message_from_binary_file(f, policy=email.policy.default)
if len(sys.argv) > 2:
    print(m.get(sys.argv[2], ''))
    sys.exit(0)
body = m.get_body(preferencelist=('plain',))
print(body.get_content() if body is not None else '')
