-- Sign-ins are throttled by address too (password spraying), and a name's lock applies to the address that failed.
create index sign_in_attempt_address_idx on sign_in_attempt (remote_address, at);
