/* PLACEHOLDER: being written; see issue 3. */
int main(void)
{
    return 0;
}
