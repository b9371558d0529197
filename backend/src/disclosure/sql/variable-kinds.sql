SELECT code, kind FROM variable
